CREATE SEQUENCE seq_employees_number START WITH 1 INCREMENT BY 10;

ALTER TABLE employees ADD COLUMN number bigint NOT NULL DEFAULT nextval('seq_employees_number');

