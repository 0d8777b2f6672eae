CREATE TABLE sessions (
    id serial,
    roles_id integer,
    weight double precision,
    notes text,
    size_bytes bigint NOT NULL,
    token uuid,
    checksum bytea NOT NULL,
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_roles_id FOREIGN KEY (roles_id) REFERENCES roles (id) ON DELETE RESTRICT,
    CONSTRAINT uq_sessions_token UNIQUE (token)
);

CREATE INDEX ix_sessions_roles_id ON sessions (roles_id);

ALTER TABLE invoices DROP COLUMN avatar;

