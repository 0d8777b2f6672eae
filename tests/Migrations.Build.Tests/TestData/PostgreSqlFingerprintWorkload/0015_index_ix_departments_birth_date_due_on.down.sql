DROP VIEW v_employees_2;

DROP INDEX ix_departments_birth_date_due_on;

