CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    score INTEGER NOT NULL DEFAULT 0 CHECK (score >= 0)
);
CREATE INDEX ix_leads_user_id ON leads (user_id);
