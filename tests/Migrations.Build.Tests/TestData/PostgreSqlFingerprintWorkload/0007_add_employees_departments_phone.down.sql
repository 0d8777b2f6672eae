ALTER TABLE departments ALTER COLUMN reference DROP NOT NULL;

ALTER TABLE employees_departments DROP COLUMN phone;

