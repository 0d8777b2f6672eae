ALTER TABLE reviews DROP COLUMN number;

DROP SEQUENCE seq_reviews_number;

DROP VIEW v_employees_departments;

