ALTER TABLE employees ADD COLUMN ratio double precision;

