CREATE INDEX ix_u ON users (nope);
