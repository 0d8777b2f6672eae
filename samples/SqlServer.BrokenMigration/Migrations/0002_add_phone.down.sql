ALTER TABLE dbo.customers DROP COLUMN phone;
GO
