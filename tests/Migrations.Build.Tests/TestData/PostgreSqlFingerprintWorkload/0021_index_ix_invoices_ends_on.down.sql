DROP INDEX ix_invoices_ends_on;

