ALTER TABLE memberships ADD COLUMN checksum bytea;

CREATE TYPE severity AS ENUM ('draft', 'failed', 'rejected', 'approved');

ALTER TABLE employees_departments ADD COLUMN severity severity NOT NULL DEFAULT 'draft';

