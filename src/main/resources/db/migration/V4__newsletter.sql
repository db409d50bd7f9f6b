-- The weekly digest newsletter. Common SQL for SQLite and PostgreSQL; instants are epoch millis.
-- No table holds a reader's IP address or user agent: only what sending needs and the consent
-- record.

CREATE TABLE subscriber (
  id ${id},
  email VARCHAR(254) NOT NULL,
  -- Lower-cased address: one subscriber per mailbox however it was typed.
  email_key VARCHAR(254) NOT NULL UNIQUE,
  lang VARCHAR(8) NOT NULL,
  state VARCHAR(16) NOT NULL,
  -- Goes into every message's List-Unsubscribe link, so it is kept as is (it can only unsubscribe).
  unsubscribe_token VARCHAR(64) NOT NULL UNIQUE,
  bounce_count INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (state IN ('pending', 'active', 'unsubscribed', 'bounced', 'complained'))
);

CREATE INDEX subscriber_state ON subscriber (state, lang);

-- The consent record: every change of state, when, and what caused it.
CREATE TABLE subscriber_event (
  id ${id},
  subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
  state VARCHAR(16) NOT NULL,
  cause VARCHAR(40) NOT NULL,
  at BIGINT NOT NULL
);

CREATE INDEX subscriber_event_by_subscriber ON subscriber_event (subscriber_id, id);

-- Double opt-in tokens, stored only as SHA-256 hashes; used_at makes them single-use.
CREATE TABLE confirmation_token (
  token_hash VARCHAR(64) PRIMARY KEY,
  subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE INDEX confirmation_token_by_subscriber ON confirmation_token (subscriber_id, created_at);

-- One digest per edition and week, with its rendered bodies, so a send resumed after a crash
-- sends exactly what the first attempt sent. {{unsubscribe}} marks the per-subscriber link.
CREATE TABLE digest (
  id ${id},
  lang VARCHAR(8) NOT NULL,
  week_start BIGINT NOT NULL,
  week_end BIGINT NOT NULL,
  subject VARCHAR(300) NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (lang, week_start)
);

-- One row per (digest, subscriber). A worker claims rows by setting claimed_until (a lease): if
-- it dies, the rows become claimable again when the lease runs out.
CREATE TABLE digest_outbox (
  digest_id BIGINT NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
  subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  claimed_until BIGINT NOT NULL DEFAULT 0,
  last_reply VARCHAR(500),
  sent_at BIGINT,
  PRIMARY KEY (digest_id, subscriber_id),
  CHECK (state IN ('queued', 'sent', 'failed', 'suppressed'))
);

CREATE INDEX digest_outbox_due ON digest_outbox (state, next_attempt_at);
