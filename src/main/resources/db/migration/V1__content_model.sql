-- Runs unchanged on SQLite and PostgreSQL. ${id} is the one spelling that differs (an
-- auto-increment primary key). Instants are epoch milliseconds in UTC (BIGINT), so both engines
-- sort and compare them the same way.

CREATE TABLE section (
  id ${id},
  slug VARCHAR(80) NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE section_name (
  section_id BIGINT NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  lang VARCHAR(8) NOT NULL,
  name VARCHAR(200) NOT NULL,
  PRIMARY KEY (section_id, lang)
);

CREATE TABLE author (
  id ${id},
  slug VARCHAR(80) NOT NULL UNIQUE
);

CREATE TABLE author_name (
  author_id BIGINT NOT NULL REFERENCES author (id) ON DELETE CASCADE,
  lang VARCHAR(8) NOT NULL,
  name VARCHAR(200) NOT NULL,
  bio VARCHAR(2000) NOT NULL DEFAULT '',
  PRIMARY KEY (author_id, lang)
);

CREATE TABLE tag (
  id ${id},
  lang VARCHAR(8) NOT NULL,
  slug VARCHAR(80) NOT NULL,
  name VARCHAR(200) NOT NULL,
  UNIQUE (lang, slug)
);

CREATE TABLE article (
  id ${id},
  lang VARCHAR(8) NOT NULL,
  slug VARCHAR(80) NOT NULL,
  translation_group VARCHAR(80),
  kicker VARCHAR(200) NOT NULL DEFAULT '',
  title VARCHAR(500) NOT NULL,
  dek VARCHAR(1000) NOT NULL DEFAULT '',
  body_md TEXT NOT NULL,
  body_html TEXT NOT NULL,
  body_html_version INTEGER NOT NULL,
  section_id BIGINT REFERENCES section (id),
  status VARCHAR(16) NOT NULL,
  published_at BIGINT,
  updated_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  lead_image VARCHAR(300),
  lead_caption VARCHAR(500),
  UNIQUE (lang, slug),
  CHECK (status IN ('draft', 'published')),
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);

CREATE INDEX article_listing ON article (lang, status, published_at);
CREATE INDEX article_section ON article (section_id, status, published_at);
CREATE INDEX article_translation_group ON article (translation_group);

CREATE TABLE article_author (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES author (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (article_id, author_id)
);

CREATE INDEX article_author_by_author ON article_author (author_id);

CREATE TABLE article_tag (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tag (id),
  PRIMARY KEY (article_id, tag_id)
);

CREATE INDEX article_tag_by_tag ON article_tag (tag_id);

-- One row per instrument and date; the header shows the latest and compares it with the one before.
CREATE TABLE ticker_quote (
  code VARCHAR(16) NOT NULL,
  as_of BIGINT NOT NULL,
  value NUMERIC(18, 6) NOT NULL,
  fetched_at BIGINT NOT NULL,
  PRIMARY KEY (code, as_of)
);

CREATE TABLE change_log (
  seq ${id},
  entity VARCHAR(40) NOT NULL,
  entity_id BIGINT,
  at BIGINT NOT NULL
);

CREATE TABLE job_lease (
  name VARCHAR(80) PRIMARY KEY,
  holder VARCHAR(200) NOT NULL,
  expires_at BIGINT NOT NULL
);
