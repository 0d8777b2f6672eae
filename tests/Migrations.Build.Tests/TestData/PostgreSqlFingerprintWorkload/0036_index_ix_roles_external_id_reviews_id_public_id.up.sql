CREATE INDEX ix_roles_external_id_reviews_id_public_id ON roles (external_id, reviews_id, public_id) WHERE external_id IS NOT NULL;

