CREATE INDEX ix_e ON users (email);
CREATE INDEX ix_e ON users (email);
