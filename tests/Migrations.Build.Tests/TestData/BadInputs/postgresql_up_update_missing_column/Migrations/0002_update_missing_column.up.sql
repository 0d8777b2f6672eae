UPDATE users SET nope = 1;
