DROP TABLE permissions;

ALTER TABLE currencies DROP COLUMN enabled;

