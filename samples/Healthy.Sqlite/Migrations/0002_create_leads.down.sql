DROP INDEX ix_leads_user_id;
DROP TABLE leads;
