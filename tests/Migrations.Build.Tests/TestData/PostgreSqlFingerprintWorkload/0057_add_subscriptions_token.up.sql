ALTER TABLE subscriptions ADD COLUMN token uuid DEFAULT gen_random_uuid();

