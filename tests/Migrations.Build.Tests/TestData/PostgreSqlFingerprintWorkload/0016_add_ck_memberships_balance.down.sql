ALTER TABLE memberships DROP CONSTRAINT ck_memberships_balance;

