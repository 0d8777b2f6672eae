CREATE TYPE mood AS ENUM ('a');
CREATE TABLE m (x mood DEFAULT 'b');
