-- migrate:up
CREATE TABLE a (id INT);
-- migrate:up
CREATE TABLE b (id INT);
-- migrate:down
DROP TABLE a;
