-- Admin accounts, server-side sessions, TOTP recovery codes, set-password tokens, login throttling
-- and the audit log. Common SQL for SQLite and PostgreSQL; instants are epoch millis. Secrets are
-- stored only as hashes (passwords: Argon2id; tokens, session ids, recovery codes: SHA-256).

CREATE TABLE staff_account (
  id ${id},
  email VARCHAR(254) NOT NULL,
  -- Lower-cased address: one account per mailbox however it was typed.
  email_key VARCHAR(254) NOT NULL UNIQUE,
  display_name VARCHAR(200) NOT NULL,
  role VARCHAR(16) NOT NULL,
  -- PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash); NULL until the set-password link is used.
  password_hash VARCHAR(200),
  -- Base32 TOTP secret; NULL until enrolled. Never logged, never shown after enrolment.
  totp_secret VARCHAR(64),
  -- The last TOTP time step accepted: a code of this step or an earlier one is a replay.
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  disabled_at BIGINT,
  password_changed_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (role IN ('admin', 'editor', 'author', 'translator'))
);

-- One row per browser session. The cookie carries a random id; the table keeps its SHA-256, so a
-- copy of the database cannot be used to take over a session. stage: 'code' (password accepted,
-- TOTP code due), 'enrol' (password accepted, TOTP enrolment due), 'ok' (fully logged in).
CREATE TABLE staff_session (
  id_hash VARCHAR(64) PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  stage VARCHAR(8) NOT NULL,
  csrf_token VARCHAR(64) NOT NULL,
  -- A TOTP secret offered during enrolment, kept until a code from it is confirmed.
  pending_totp_secret VARCHAR(64),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  CHECK (stage IN ('code', 'enrol', 'ok'))
);

CREATE INDEX staff_session_by_account ON staff_session (account_id);

-- One-time recovery codes, SHA-256 hashed; used_at makes each single-use.
CREATE TABLE staff_recovery_code (
  account_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  code_hash VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT,
  PRIMARY KEY (account_id, code_hash)
);

-- One-time set-password links (first login, resets), SHA-256 hashed, expiring.
CREATE TABLE staff_password_token (
  token_hash VARCHAR(64) PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE INDEX staff_password_token_by_account ON staff_password_token (account_id);

-- Failed logins per typed address (hashed, whether or not an account exists, so a lock-out says
-- nothing about existence), shared by every node.
CREATE TABLE staff_login_throttle (
  key_hash VARCHAR(64) PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);

-- Every admin action: who, what, when, on which object. Rows are never updated or deleted by the
-- application; actor_email is copied so the record reads the same if the account changes.
CREATE TABLE audit_log (
  id ${id},
  at BIGINT NOT NULL,
  account_id BIGINT REFERENCES staff_account (id) ON DELETE SET NULL,
  actor_email VARCHAR(254),
  action VARCHAR(60) NOT NULL,
  object_type VARCHAR(40),
  object_id VARCHAR(100),
  detail VARCHAR(1000)
);

CREATE INDEX audit_log_by_account ON audit_log (account_id, id);
