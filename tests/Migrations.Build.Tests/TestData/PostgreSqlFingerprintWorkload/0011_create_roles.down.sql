DROP TABLE roles;

