ALTER TABLE currencies ADD COLUMN avatar bytea;

