ALTER TABLE stock_levels RENAME COLUMN latitude TO ratio;

