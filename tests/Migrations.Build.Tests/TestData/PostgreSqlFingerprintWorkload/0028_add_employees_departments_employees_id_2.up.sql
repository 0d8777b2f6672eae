ALTER TABLE employees_departments ADD COLUMN employees_id_2 integer;

ALTER TABLE employees_departments ADD CONSTRAINT fk_employees_departments_employees_id_2 FOREIGN KEY (employees_id_2) REFERENCES employees (id) ON DELETE SET NULL;

ALTER TABLE stock_levels RENAME COLUMN slug TO email;

