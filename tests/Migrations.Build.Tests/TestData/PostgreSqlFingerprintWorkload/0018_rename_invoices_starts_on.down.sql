ALTER TABLE invoices RENAME COLUMN ends_on TO starts_on;

