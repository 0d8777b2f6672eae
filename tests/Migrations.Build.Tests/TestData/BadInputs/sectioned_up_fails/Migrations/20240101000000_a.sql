-- migrate:up
CREATE TABL a (id INT);
-- migrate:down
DROP TABLE a;
