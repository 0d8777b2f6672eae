-- Post-deployment data: not part of the schema model.
INSERT INTO sales.customers (email) VALUES (N'first@example.com');
