ALTER TABLE reviews DROP CONSTRAINT fk_reviews_departments_id;

ALTER TABLE reviews DROP COLUMN departments_id;

ALTER TABLE reviews RENAME COLUMN signature TO checksum;

DROP INDEX ix_employees_external_number_discount;

