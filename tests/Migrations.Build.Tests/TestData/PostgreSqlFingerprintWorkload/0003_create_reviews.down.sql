DROP TABLE reviews;

