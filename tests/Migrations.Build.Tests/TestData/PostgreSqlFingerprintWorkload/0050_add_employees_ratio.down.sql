ALTER TABLE employees DROP COLUMN ratio;

