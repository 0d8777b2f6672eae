ALTER TABLE employees_departments ADD COLUMN phone varchar(255);

DROP TABLE memberships;

