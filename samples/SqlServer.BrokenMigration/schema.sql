CREATE TABLE dbo.customers
(
    id    int IDENTITY (1, 1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
    email nvarchar(320)       NOT NULL,
    phone varchar(20)         NULL
);
