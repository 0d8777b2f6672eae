/* outer /* inner */ still open
CREATE TABLE a (id INT);
