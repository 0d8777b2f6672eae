ALTER TABLE subscriptions DROP COLUMN number;

DROP SEQUENCE seq_subscriptions_number;

