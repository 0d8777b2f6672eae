ALTER TABLE sessions DROP COLUMN last_seen_at;

ALTER TABLE categories ADD COLUMN view_count bigint;

