ALTER TABLE employees_departments DROP COLUMN due_on;

DROP TABLE currencies;

