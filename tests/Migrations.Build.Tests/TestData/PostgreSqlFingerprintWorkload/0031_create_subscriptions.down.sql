DROP TABLE subscriptions;

