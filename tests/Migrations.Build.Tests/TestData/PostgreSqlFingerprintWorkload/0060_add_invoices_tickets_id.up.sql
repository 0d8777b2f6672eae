ALTER TABLE invoices ADD COLUMN tickets_id bigint;

ALTER TABLE invoices ADD CONSTRAINT fk_invoices_tickets_id FOREIGN KEY (tickets_id) REFERENCES tickets (id) ON DELETE CASCADE;

