CREATE INDEX ix_invoices_ends_on ON invoices (ends_on);

