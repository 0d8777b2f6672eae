-- Built without locking writes; the engine runs this migration outside a transaction.
CREATE INDEX CONCURRENTLY ix_leads_score ON leads (score DESC);
