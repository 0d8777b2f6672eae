ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz DEFAULT CURRENT_TIMESTAMP;

