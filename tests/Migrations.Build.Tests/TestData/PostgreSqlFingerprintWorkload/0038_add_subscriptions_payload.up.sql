ALTER TABLE subscriptions ADD COLUMN payload jsonb NOT NULL DEFAULT '{}'::jsonb;

