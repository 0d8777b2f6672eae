ALTER TABLE reviews RENAME COLUMN external_number TO view_count;

ALTER TABLE stock_levels ADD COLUMN slug varchar(255);

