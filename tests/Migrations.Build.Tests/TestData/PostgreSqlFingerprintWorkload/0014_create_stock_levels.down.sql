ALTER TABLE departments DROP COLUMN discount;

DROP VIEW v_employees;

DROP TABLE stock_levels;

