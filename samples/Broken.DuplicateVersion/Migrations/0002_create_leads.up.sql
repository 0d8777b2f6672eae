CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    source TEXT NOT NULL
);
