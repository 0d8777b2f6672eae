DROP TABLE employees_departments;

DROP INDEX ix_employees_departments_id;

ALTER TABLE employees DROP CONSTRAINT fk_employees_departments_id;

ALTER TABLE employees DROP COLUMN departments_id;

