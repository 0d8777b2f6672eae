CREATE INDEX ix_order_items_reviews_id ON order_items (reviews_id);

DROP VIEW v_employees_4;

