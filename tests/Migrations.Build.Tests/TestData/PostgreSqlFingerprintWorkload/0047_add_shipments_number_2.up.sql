CREATE SEQUENCE seq_shipments_number_2 START WITH 100000 INCREMENT BY 1;

ALTER TABLE shipments ADD COLUMN number_2 bigint NOT NULL DEFAULT nextval('seq_shipments_number_2');

