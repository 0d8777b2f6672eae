ALTER TABLE subscriptions DROP COLUMN payload;

