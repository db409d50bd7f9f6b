-- WordPress import: which article each WordPress post became (so a re-run updates instead of
-- duplicating) and the old permalinks that answer 301 to the article's current address.
CREATE TABLE wordpress_post (
  wp_site VARCHAR(300) NOT NULL,
  wp_post_id BIGINT NOT NULL,
  wp_guid VARCHAR(1000) NOT NULL,
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (wp_site, wp_post_id)
);

CREATE INDEX wordpress_post_guid ON wordpress_post (wp_guid);

-- old_path is a decoded path without its trailing slash ('/2024/05/03/slug', '/about') or a
-- query form ('?p=123', '?page_id=7'); the target URL is built from the article at request time.
CREATE TABLE legacy_redirect (
  old_path VARCHAR(1000) PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE
);

CREATE INDEX legacy_redirect_article ON legacy_redirect (article_id);
