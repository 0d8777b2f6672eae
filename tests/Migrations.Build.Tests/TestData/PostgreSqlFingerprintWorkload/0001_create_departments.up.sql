CREATE TABLE departments (
    id bigint GENERATED ALWAYS AS IDENTITY,
    comment text,
    ends_on date,
    birth_date date,
    reference varchar(200) DEFAULT '',
    public_id uuid NOT NULL DEFAULT gen_random_uuid(),
    latitude double precision,
    starts_on date NOT NULL,
    total numeric(12,2) NOT NULL DEFAULT 0,
    CONSTRAINT pk_departments PRIMARY KEY (id),
    CONSTRAINT uq_departments_public_id UNIQUE (public_id),
    CONSTRAINT ck_departments_dates CHECK (ends_on <= birth_date)
);

