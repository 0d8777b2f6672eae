ALTER TABLE order_items DROP COLUMN order_status;

DROP TYPE order_status;

ALTER TABLE contracts DROP COLUMN severity;

DROP TYPE severity_3;

