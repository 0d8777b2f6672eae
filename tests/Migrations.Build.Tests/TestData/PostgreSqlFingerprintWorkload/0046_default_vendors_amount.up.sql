ALTER TABLE vendors ALTER COLUMN amount SET DEFAULT 0;

ALTER TABLE categories RENAME COLUMN size_bytes TO view_count_2;

