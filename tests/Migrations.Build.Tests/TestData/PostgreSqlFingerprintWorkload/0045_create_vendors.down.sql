DROP TABLE vendors;

