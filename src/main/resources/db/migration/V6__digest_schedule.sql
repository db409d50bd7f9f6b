-- Scheduled digests: one row per edition and scheduled moment, written in the transaction that
-- queues that digest (or decides there is none), so each slot is handled, and logged, once across
-- nodes and restarts.
CREATE TABLE digest_slot (
  lang VARCHAR(8) NOT NULL,
  slot_at BIGINT NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  digest_id BIGINT REFERENCES digest (id) ON DELETE SET NULL,
  handled_at BIGINT NOT NULL,
  PRIMARY KEY (lang, slot_at),
  CHECK (outcome IN ('queued', 'empty', 'missed'))
);
