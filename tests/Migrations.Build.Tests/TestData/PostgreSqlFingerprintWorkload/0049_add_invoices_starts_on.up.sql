ALTER TABLE invoices ADD COLUMN starts_on date;

