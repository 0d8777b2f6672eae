CREATE VIEW v_employees_4 AS SELECT a.id, a.ratio, a.external_number FROM employees a;

DROP INDEX ix_order_items_reviews_id;

