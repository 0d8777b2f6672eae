CREATE INDEX ix_g ON ghosts (id);
