CREATE SEQUENCE seq_subscriptions_number START WITH 1 INCREMENT BY 10;

ALTER TABLE subscriptions ADD COLUMN number bigint NOT NULL DEFAULT nextval('seq_subscriptions_number');

