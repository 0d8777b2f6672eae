ALTER TABLE subscriptions DROP COLUMN token;

