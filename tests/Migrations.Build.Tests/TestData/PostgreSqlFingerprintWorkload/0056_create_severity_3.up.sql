CREATE TYPE severity_3 AS ENUM ('active', 'done', 'rejected');

ALTER TABLE contracts ADD COLUMN severity severity_3 NOT NULL DEFAULT 'active';

CREATE TYPE order_status AS ENUM ('draft', 'done', 'approved', 'rejected');

ALTER TABLE order_items ADD COLUMN order_status order_status NOT NULL DEFAULT 'draft';

