ALTER TABLE stock_levels RENAME COLUMN email TO slug;

ALTER TABLE employees_departments DROP CONSTRAINT fk_employees_departments_employees_id_2;

ALTER TABLE employees_departments DROP COLUMN employees_id_2;

