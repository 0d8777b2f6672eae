CREATE TABLE sales.orders
(
    id          int IDENTITY (1, 1) NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    customer_id int                 NOT NULL CONSTRAINT fk_orders_customer REFERENCES sales.customers (id) ON DELETE CASCADE,
    total       decimal(12, 2)      NOT NULL CONSTRAINT ck_orders_total CHECK (total >= 0),
    placed_at   datetime2           NOT NULL
);
GO
CREATE INDEX ix_orders_customer ON sales.orders (customer_id, placed_at DESC) INCLUDE (total);
