CREATE TABLE reviews (
    id serial,
    employees_id integer NOT NULL,
    checksum bytea,
    settings jsonb,
    external_number bigint NOT NULL DEFAULT 0,
    external_id uuid,
    public_id uuid,
    avatar bytea,
    size_bytes bigint,
    CONSTRAINT pk_reviews PRIMARY KEY (id),
    CONSTRAINT fk_reviews_employees_id FOREIGN KEY (employees_id) REFERENCES employees (id) ON DELETE CASCADE
);

CREATE INDEX ix_reviews_employees_id ON reviews (employees_id);

