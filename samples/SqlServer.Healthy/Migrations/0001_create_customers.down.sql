DROP TABLE sales.customers;
GO
DROP SCHEMA sales;
GO
