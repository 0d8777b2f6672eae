/* never closed
CREATE TABLE a (id INT);
