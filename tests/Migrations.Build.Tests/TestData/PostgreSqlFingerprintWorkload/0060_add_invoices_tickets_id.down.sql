ALTER TABLE invoices DROP CONSTRAINT fk_invoices_tickets_id;

ALTER TABLE invoices DROP COLUMN tickets_id;

