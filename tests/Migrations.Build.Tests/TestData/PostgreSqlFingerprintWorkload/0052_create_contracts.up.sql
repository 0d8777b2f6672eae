CREATE TABLE contracts (
    id serial,
    roles_id integer NOT NULL,
    departments_id bigint,
    expires_at timestamptz NOT NULL,
    score integer DEFAULT 0,
    avatar bytea NOT NULL,
    notes text NOT NULL,
    token uuid NOT NULL,
    CONSTRAINT pk_contracts PRIMARY KEY (id),
    CONSTRAINT fk_contracts_roles_id FOREIGN KEY (roles_id) REFERENCES roles (id) ON DELETE RESTRICT,
    CONSTRAINT fk_contracts_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE SET NULL,
    CONSTRAINT uq_contracts_token UNIQUE (token),
    CONSTRAINT ck_contracts_score CHECK (score >= 0)
);

CREATE INDEX ix_contracts_roles_id ON contracts (roles_id);

CREATE INDEX ix_contracts_departments_id ON contracts (departments_id);

