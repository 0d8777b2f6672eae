CREATE TABLE subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY,
    shipments_id integer NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb,
    public_id uuid,
    attributes jsonb,
    longitude double precision,
    metadata jsonb,
    body text,
    quantity integer,
    CONSTRAINT pk_subscriptions PRIMARY KEY (id),
    CONSTRAINT fk_subscriptions_shipments_id FOREIGN KEY (shipments_id) REFERENCES shipments (id) ON DELETE NO ACTION,
    CONSTRAINT uq_subscriptions_public_id UNIQUE (public_id)
);

CREATE INDEX ix_subscriptions_shipments_id ON subscriptions (shipments_id);

