ALTER TABLE invoices RENAME COLUMN starts_on TO ends_on;

