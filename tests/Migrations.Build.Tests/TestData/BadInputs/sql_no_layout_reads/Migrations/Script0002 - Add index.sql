CREATE INDEX ix_users ON users (id);
