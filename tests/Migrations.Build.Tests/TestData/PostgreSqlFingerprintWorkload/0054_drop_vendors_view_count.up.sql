ALTER TABLE vendors DROP COLUMN view_count;

CREATE TABLE attachments (
    id bigserial,
    checksum bytea,
    ratio double precision,
    payload jsonb DEFAULT '{}'::jsonb,
    notes text NOT NULL,
    birth_date date NOT NULL,
    longitude double precision,
    attempts integer NOT NULL,
    weight double precision,
    avatar bytea,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    settings jsonb,
    deleted_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    ends_on date NOT NULL,
    CONSTRAINT pk_attachments PRIMARY KEY (id),
    CONSTRAINT ck_attachments_dates CHECK (birth_date <= ends_on)
);

