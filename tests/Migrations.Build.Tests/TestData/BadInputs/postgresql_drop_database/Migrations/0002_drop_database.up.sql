DROP DATABASE postgres;
