DROP VIEW sales.customer_totals;
GO
