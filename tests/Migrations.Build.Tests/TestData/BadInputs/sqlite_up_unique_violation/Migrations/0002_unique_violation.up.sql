INSERT INTO users VALUES (1, 'a');
INSERT INTO users VALUES (1, 'b');
