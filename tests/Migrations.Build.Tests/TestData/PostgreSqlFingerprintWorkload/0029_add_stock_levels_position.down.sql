DROP INDEX ix_tickets_external_number_employees_id;

ALTER TABLE stock_levels DROP COLUMN position;

