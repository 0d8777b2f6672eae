DROP INDEX ix_shipments_sku_total_is_public;

