CREATE INDEX ix_stock_levels_email_last_seen_at ON stock_levels (email, last_seen_at) WHERE is_public;

