-- Seeds the first account.
-- The accounts table was never created by 0001 (the mistake this case shows):
-- the engine must point at line 8, the INSERT, not at the file.

CREATE TABLE audit (id INTEGER PRIMARY KEY);

-- The failing statement:
INSERT INTO accounts (id, owner) VALUES (1, 'admin');
