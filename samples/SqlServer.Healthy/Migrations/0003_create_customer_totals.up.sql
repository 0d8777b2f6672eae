CREATE VIEW sales.customer_totals
AS
SELECT c.id, c.email, SUM(o.total) AS total
FROM sales.customers AS c
JOIN sales.orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.email;
GO
