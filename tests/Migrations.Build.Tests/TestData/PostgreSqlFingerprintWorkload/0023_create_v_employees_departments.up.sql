CREATE VIEW v_employees_departments AS SELECT a.severity, a.score, a.notes FROM employees_departments a;

CREATE SEQUENCE seq_reviews_number START WITH 1000 INCREMENT BY 10;

ALTER TABLE reviews ADD COLUMN number bigint NOT NULL DEFAULT nextval('seq_reviews_number');

