ALTER TABLE shipments DROP COLUMN number_2;

DROP SEQUENCE seq_shipments_number_2;

