CREATE TABLE stock_levels (
    id serial,
    size_bytes bigint,
    birth_date date,
    ratio double precision,
    updated_at timestamptz,
    due_on date NOT NULL,
    last_seen_at timestamptz NOT NULL,
    is_public boolean,
    external_number bigint NOT NULL DEFAULT 0,
    attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
    price numeric(12,2) DEFAULT 0,
    checksum bytea,
    view_count bigint,
    deleted_at timestamptz,
    is_verified boolean,
    CONSTRAINT pk_stock_levels PRIMARY KEY (id),
    CONSTRAINT ck_stock_levels_dates CHECK (birth_date <= due_on)
);

CREATE VIEW v_employees AS SELECT a.id, a.number, a.discount, b.comment AS departments_comment, b.ends_on AS departments_ends_on FROM employees a LEFT JOIN departments b ON b.id = a.departments_id;

ALTER TABLE departments ADD COLUMN discount numeric(12,2);

