DROP INDEX ix_departments_starts_on;

