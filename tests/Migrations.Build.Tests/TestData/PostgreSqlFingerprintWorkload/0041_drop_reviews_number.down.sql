ALTER TABLE departments ALTER COLUMN reference SET DEFAULT '';

ALTER TABLE reviews ADD COLUMN number bigint NOT NULL DEFAULT nextval('seq_reviews_number');

