-- The model: the schema the application expects. The build proves the migrations produce exactly this.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    score INTEGER NOT NULL DEFAULT 0 CHECK (score >= 0)
);
CREATE INDEX ix_leads_user_id ON leads (user_id);

CREATE VIEW lead_summary AS
SELECT u.email, COUNT(l.id) AS lead_count
FROM users AS u
LEFT JOIN leads AS l ON l.user_id = u.id
GROUP BY u.email;
