ALTER TABLE categories DROP COLUMN view_count;

ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz DEFAULT CURRENT_TIMESTAMP;

