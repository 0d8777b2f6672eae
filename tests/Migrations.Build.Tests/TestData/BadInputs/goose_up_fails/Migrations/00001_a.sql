-- +goose Up
CREATE TABL a (id INT);
-- +goose Down
DROP TABLE a;
