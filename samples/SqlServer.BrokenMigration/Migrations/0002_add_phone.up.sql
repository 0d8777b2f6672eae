-- A typo that only a server would otherwise find, at deployment: NUL instead of NULL.
ALTER TABLE dbo.customers
    ADD phone varchar(20) NUL;
GO
