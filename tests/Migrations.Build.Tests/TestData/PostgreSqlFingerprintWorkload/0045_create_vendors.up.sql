CREATE TABLE vendors (
    id bigint GENERATED ALWAYS AS IDENTITY,
    status severity NOT NULL DEFAULT 'draft',
    comment text,
    address text,
    sku varchar(64),
    metadata jsonb,
    avatar bytea,
    attempts integer,
    summary text,
    enabled boolean NOT NULL,
    amount numeric(12,2),
    view_count bigint DEFAULT 0,
    CONSTRAINT pk_vendors PRIMARY KEY (id)
);

