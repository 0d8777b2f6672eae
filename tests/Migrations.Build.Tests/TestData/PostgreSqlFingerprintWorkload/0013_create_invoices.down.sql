DROP TABLE invoices;

