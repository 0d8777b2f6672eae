CREATE SEQUENCE seq_shipments_number_3 START WITH 1000 INCREMENT BY 10;

ALTER TABLE shipments ADD COLUMN number_3 bigint NOT NULL DEFAULT nextval('seq_shipments_number_3');

