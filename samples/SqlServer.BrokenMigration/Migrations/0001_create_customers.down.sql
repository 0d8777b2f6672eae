DROP TABLE dbo.customers;
GO
