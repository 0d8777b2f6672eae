CREATE TYPE severity_2 AS ENUM ('pending', 'active', 'rejected', 'paused');

ALTER TABLE stock_levels ADD COLUMN severity severity_2 NOT NULL DEFAULT 'pending';

CREATE SEQUENCE seq_shipments_number START WITH 100000 INCREMENT BY 10;

ALTER TABLE shipments ADD COLUMN number bigint NOT NULL DEFAULT nextval('seq_shipments_number');

