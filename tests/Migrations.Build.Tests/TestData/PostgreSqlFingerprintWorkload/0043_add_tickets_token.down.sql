ALTER TABLE tickets DROP COLUMN token;

