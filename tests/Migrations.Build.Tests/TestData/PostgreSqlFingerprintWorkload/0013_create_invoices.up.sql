CREATE TABLE invoices (
    id bigserial,
    departments_id bigint NOT NULL,
    payload jsonb,
    updated_at timestamptz,
    is_archived boolean DEFAULT false,
    public_id uuid DEFAULT gen_random_uuid(),
    starts_on date,
    summary text NOT NULL,
    slug varchar(120),
    quantity integer,
    longitude double precision,
    attempts integer NOT NULL DEFAULT 0,
    token uuid NOT NULL,
    avatar bytea,
    CONSTRAINT pk_invoices PRIMARY KEY (id),
    CONSTRAINT fk_invoices_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE NO ACTION
);

CREATE INDEX ix_invoices_departments_id ON invoices (departments_id);

