DROP VIEW v_employees_3;

DROP INDEX ix_tickets_external_id_external_number;

DROP TABLE categories;

