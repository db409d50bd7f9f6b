-- The media library: one row per uploaded image and one per stored file (the metadata-free
-- original and its resized copies). Files are named by a key derived from the cleaned pixels, so
-- the same picture uploaded twice is stored once. No file name from the uploader is kept: names
-- like "IMG_2041_Ivanov_flat.jpg" can say more than the picture.
CREATE TABLE media (
  id ${id},
  file_key VARCHAR(64) NOT NULL UNIQUE,
  mime VARCHAR(32) NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  alt_text VARCHAR(1000) NOT NULL DEFAULT '',
  caption VARCHAR(1000) NOT NULL DEFAULT '',
  credit VARCHAR(300) NOT NULL DEFAULT '',
  uploaded_by BIGINT,
  uploaded_at BIGINT NOT NULL,
  CHECK (width > 0 AND height > 0)
);

CREATE INDEX media_by_upload ON media (uploaded_at);

CREATE TABLE media_file (
  media_id BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  name VARCHAR(120) NOT NULL UNIQUE,
  mime VARCHAR(32) NOT NULL,
  bytes BIGINT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (media_id, width)
);

-- File names are a keyed hash of the cleaned picture, with this installation's secret (one row,
-- made on first use): anyone can clean a leaked photo the way we do, but without the secret they
-- cannot work out its name here and probe /media/ to learn whether the newsroom has it.
CREATE TABLE media_naming_key (
  id INTEGER PRIMARY KEY,
  secret VARCHAR(128) NOT NULL,
  CHECK (id = 1)
);
