-- Editorial workflow, revisions, runtime settings and ticker fetch status. Runs unchanged on SQLite
-- and PostgreSQL.
--
-- The workflow lives beside the article row, not in article.status: V1's CHECK (status IN
-- ('draft', 'published')) cannot be altered on SQLite without rebuilding the table (and every
-- foreign key to it). The public rule stays the one in ArticleRepository.IS_PUBLIC: "in review" is
-- a draft with submitted_at set, "scheduled" is published with published_at in the future.
CREATE TABLE article_workflow (
  article_id BIGINT PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  owner_id BIGINT,
  -- The article this one was started as a translation of (translators may edit those).
  translation_of BIGINT,
  submitted_at BIGINT,
  submitted_by BIGINT,
  -- A scheduled publication not yet announced in change_log; cleared by the one node that does.
  announce_at BIGINT,
  announced_at BIGINT
);

CREATE INDEX article_workflow_announce ON article_workflow (announce_at);
CREATE INDEX article_workflow_owner ON article_workflow (owner_id);

-- Every save of an article through the editor: the whole content model as it was saved.
CREATE TABLE article_revision (
  id ${id},
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  lang VARCHAR(8) NOT NULL,
  slug VARCHAR(80) NOT NULL,
  translation_group VARCHAR(80),
  kicker VARCHAR(200) NOT NULL,
  title VARCHAR(500) NOT NULL,
  dek VARCHAR(1000) NOT NULL,
  body_md TEXT NOT NULL,
  section_slug VARCHAR(80),
  author_slugs VARCHAR(2000) NOT NULL,
  tag_names VARCHAR(4000) NOT NULL,
  status VARCHAR(16) NOT NULL,
  published_at BIGINT,
  lead_image VARCHAR(300),
  lead_caption VARCHAR(500),
  saved_at BIGINT NOT NULL,
  saved_by BIGINT,
  saved_by_name VARCHAR(200) NOT NULL,
  note VARCHAR(200) NOT NULL DEFAULT '',
  UNIQUE (article_id, number)
);

-- Settings editors change at run time; a missing row means "as configured".
CREATE TABLE setting (
  name VARCHAR(80) PRIMARY KEY,
  value VARCHAR(2000) NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);

-- The last fetch of each ticker source, for the status page: when, whether it worked, what went
-- wrong.
CREATE TABLE ticker_fetch (
  source VARCHAR(40) PRIMARY KEY,
  attempted_at BIGINT NOT NULL,
  succeeded_at BIGINT,
  received INTEGER NOT NULL,
  problems VARCHAR(4000) NOT NULL
);

ALTER TABLE author ADD COLUMN photo VARCHAR(300);
