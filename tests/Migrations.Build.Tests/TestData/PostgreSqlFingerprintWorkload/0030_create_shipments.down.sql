DROP TABLE shipments;

