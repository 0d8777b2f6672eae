ALTER TABLE invoices ADD COLUMN avatar bytea;

DROP TABLE sessions;

