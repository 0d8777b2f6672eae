ALTER TABLE categories ADD COLUMN view_count bigint;

