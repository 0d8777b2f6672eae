CREATE UNIQUE INDEX ix_shipments_sku_total_is_public ON shipments (sku, total, is_public);

