ALTER TABLE employees DROP COLUMN number;

DROP SEQUENCE seq_employees_number;

