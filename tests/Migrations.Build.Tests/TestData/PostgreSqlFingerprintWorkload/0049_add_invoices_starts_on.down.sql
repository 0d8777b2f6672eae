ALTER TABLE invoices DROP COLUMN starts_on;

