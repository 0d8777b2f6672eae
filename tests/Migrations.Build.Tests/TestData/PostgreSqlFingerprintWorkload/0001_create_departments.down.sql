DROP TABLE departments;

