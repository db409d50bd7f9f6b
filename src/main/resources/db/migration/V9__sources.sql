-- Protected sources. real_name, contacts and notes hold AES-256-GCM ciphertext written by
-- sources/SourceCipher ("v1:<key id>:<base64>"), never plain text; key_id says which key of the key
-- file sealed the row, so a rotation can find what to re-encrypt. owner_id is a staff account's id,
-- kept as a plain column: the accounts table belongs to the admin feature.
CREATE TABLE source (
  id ${id},
  pseudonym VARCHAR(200) NOT NULL,
  real_name TEXT NOT NULL,
  contacts TEXT NOT NULL,
  notes TEXT NOT NULL,
  key_id VARCHAR(40) NOT NULL,
  owner_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX source_by_owner ON source (owner_id);

-- The sources an article quotes; the publish guard checks the article's text against them.
CREATE TABLE article_source (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  source_id BIGINT NOT NULL REFERENCES source (id),
  PRIMARY KEY (article_id, source_id)
);

CREATE INDEX article_source_by_source ON article_source (source_id);
