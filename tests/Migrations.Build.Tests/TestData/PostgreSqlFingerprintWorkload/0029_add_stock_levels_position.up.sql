ALTER TABLE stock_levels ADD COLUMN position integer;

CREATE INDEX ix_tickets_external_number_employees_id ON tickets (external_number, employees_id);

