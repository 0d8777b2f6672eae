CREATE INDEX ix_employees_external_number_discount ON employees (external_number, discount);

ALTER TABLE reviews RENAME COLUMN checksum TO signature;

ALTER TABLE reviews ADD COLUMN departments_id bigint;

ALTER TABLE reviews ADD CONSTRAINT fk_reviews_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE SET NULL;

