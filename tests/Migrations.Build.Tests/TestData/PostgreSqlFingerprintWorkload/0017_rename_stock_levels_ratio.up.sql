ALTER TABLE stock_levels RENAME COLUMN ratio TO latitude;

