ALTER TABLE tickets DROP CONSTRAINT uq_tickets_slug;

