CREATE UNIQUE INDEX ix_departments_birth_date_due_on ON departments (birth_date, due_on) WHERE birth_date IS NOT NULL;

CREATE VIEW v_employees_2 AS SELECT a.id, a.discount, a.external_number FROM employees a;

