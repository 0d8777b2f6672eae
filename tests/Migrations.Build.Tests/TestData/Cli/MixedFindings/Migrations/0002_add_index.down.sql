-- The index is ix_users_email: this name misses an "s", so the index stays.
DROP INDEX IF EXISTS ix_user_email;
