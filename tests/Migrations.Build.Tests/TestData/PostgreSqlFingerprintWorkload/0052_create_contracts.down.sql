DROP TABLE contracts;

