CREATE TABLE select (id INT);
