-- No down script, and the model has no notes table: a warning and a drift error.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
