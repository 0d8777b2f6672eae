CREATE TABLE categories (
    id serial,
    is_active boolean DEFAULT false,
    latitude double precision,
    external_number bigint,
    external_id uuid,
    size_bytes bigint,
    longitude double precision,
    enabled boolean NOT NULL DEFAULT false,
    due_on date,
    ratio double precision,
    amount numeric(12,2),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    signature bytea,
    weight double precision,
    ratio_2 double precision,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT uq_categories_external_id UNIQUE (external_id),
    CONSTRAINT ck_categories_amount CHECK (amount >= 0)
);

CREATE INDEX ix_tickets_external_id_external_number ON tickets (external_id, external_number) WHERE is_archived;

CREATE VIEW v_employees_3 AS SELECT a.id, a.number, a.external_number, a.weight FROM employees a;

