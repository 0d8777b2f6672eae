CREATE TABLE sales.customers
(
    id         int IDENTITY (1, 1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
    email      nvarchar(320)       NOT NULL CONSTRAINT uq_customers_email UNIQUE,
    created_at datetime2           NOT NULL CONSTRAINT df_customers_created_at DEFAULT (sysutcdatetime())
);
