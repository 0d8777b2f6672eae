ALTER TABLE memberships ADD CONSTRAINT ck_memberships_balance CHECK (balance >= 0);

