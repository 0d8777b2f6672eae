DROP TABLE employees;

