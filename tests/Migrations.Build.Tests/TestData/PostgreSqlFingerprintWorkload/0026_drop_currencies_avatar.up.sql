ALTER TABLE currencies DROP COLUMN avatar;

