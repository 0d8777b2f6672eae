DROP TABLE attachments;

ALTER TABLE vendors ADD COLUMN view_count bigint DEFAULT 0;

