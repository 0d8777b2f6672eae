CREATE TABLE audit_events (
    id bigserial,
    memberships_id integer NOT NULL,
    status severity_2 NOT NULL DEFAULT 'pending',
    public_id uuid DEFAULT gen_random_uuid(),
    weight double precision,
    deleted_at timestamptz,
    sku varchar(32) DEFAULT '',
    CONSTRAINT pk_audit_events PRIMARY KEY (id),
    CONSTRAINT fk_audit_events_memberships_id FOREIGN KEY (memberships_id) REFERENCES memberships (id) ON DELETE NO ACTION,
    CONSTRAINT uq_audit_events_sku UNIQUE (sku)
);

CREATE INDEX ix_audit_events_memberships_id ON audit_events (memberships_id);

