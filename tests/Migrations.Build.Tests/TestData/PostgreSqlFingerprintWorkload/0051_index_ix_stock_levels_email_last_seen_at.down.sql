DROP INDEX ix_stock_levels_email_last_seen_at;

