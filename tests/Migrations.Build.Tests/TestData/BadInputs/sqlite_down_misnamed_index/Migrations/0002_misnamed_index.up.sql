CREATE INDEX ix_email ON users (email);
