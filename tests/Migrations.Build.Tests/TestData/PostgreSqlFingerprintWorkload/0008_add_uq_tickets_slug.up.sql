ALTER TABLE tickets ADD CONSTRAINT uq_tickets_slug UNIQUE (slug);

