ALTER TABLE stock_levels DROP COLUMN slug;

ALTER TABLE reviews RENAME COLUMN view_count TO external_number;

