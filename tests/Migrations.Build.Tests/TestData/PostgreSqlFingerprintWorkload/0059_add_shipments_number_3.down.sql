ALTER TABLE shipments DROP COLUMN number_3;

DROP SEQUENCE seq_shipments_number_3;

