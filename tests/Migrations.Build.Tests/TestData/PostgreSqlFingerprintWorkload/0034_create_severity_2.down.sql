ALTER TABLE shipments DROP COLUMN number;

DROP SEQUENCE seq_shipments_number;

ALTER TABLE stock_levels DROP COLUMN severity;

DROP TYPE severity_2;

