ALTER TABLE categories DROP COLUMN view_count;

