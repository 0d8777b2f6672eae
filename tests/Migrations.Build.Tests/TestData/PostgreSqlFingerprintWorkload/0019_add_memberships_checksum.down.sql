ALTER TABLE employees_departments DROP COLUMN severity;

DROP TYPE severity;

ALTER TABLE memberships DROP COLUMN checksum;

