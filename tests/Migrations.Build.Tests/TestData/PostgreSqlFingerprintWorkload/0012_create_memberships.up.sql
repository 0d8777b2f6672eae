CREATE TABLE memberships (
    id serial,
    departments_id bigint NOT NULL,
    score integer,
    weight double precision,
    balance numeric(12,2) NOT NULL DEFAULT 0,
    name varchar(120),
    birth_date date NOT NULL,
    expires_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_memberships PRIMARY KEY (id),
    CONSTRAINT fk_memberships_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE NO ACTION
);

CREATE INDEX ix_memberships_departments_id ON memberships (departments_id);

ALTER TABLE employees_departments DROP COLUMN phone;

