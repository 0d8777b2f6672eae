DROP TABLE sales.orders;
GO
