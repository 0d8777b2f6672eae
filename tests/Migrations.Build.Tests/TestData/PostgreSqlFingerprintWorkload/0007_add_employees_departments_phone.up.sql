ALTER TABLE employees_departments ADD COLUMN phone varchar(255);

ALTER TABLE departments ALTER COLUMN reference SET NOT NULL;

