INSERT INTO users VALUES (1, 'café');
