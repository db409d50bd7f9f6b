-- Ticker history: each stored value says where it came from (cbr, moex, demo). Rows written
-- before this migration were the demo's seeded values.
ALTER TABLE ticker_quote ADD COLUMN source VARCHAR(40) NOT NULL DEFAULT 'demo';
