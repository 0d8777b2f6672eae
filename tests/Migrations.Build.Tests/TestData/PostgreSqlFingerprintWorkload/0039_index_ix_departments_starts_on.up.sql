CREATE INDEX ix_departments_starts_on ON departments (starts_on);

