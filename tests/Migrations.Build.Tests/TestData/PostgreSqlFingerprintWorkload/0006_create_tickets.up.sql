CREATE TABLE tickets (
    id bigserial,
    employees_id integer NOT NULL,
    external_number bigint NOT NULL,
    city varchar(64) DEFAULT '',
    discount numeric(12,2) NOT NULL,
    attributes jsonb NOT NULL,
    payload jsonb,
    signature bytea,
    slug varchar(32),
    is_archived boolean NOT NULL,
    latitude double precision,
    external_id uuid,
    avatar bytea NOT NULL,
    CONSTRAINT pk_tickets PRIMARY KEY (id),
    CONSTRAINT fk_tickets_employees_id FOREIGN KEY (employees_id) REFERENCES employees (id) ON DELETE CASCADE,
    CONSTRAINT uq_tickets_external_id UNIQUE (external_id),
    CONSTRAINT ck_tickets_discount CHECK (discount >= 0)
);

CREATE INDEX ix_tickets_employees_id ON tickets (employees_id);

