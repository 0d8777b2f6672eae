CREATE TABLE order_items (
    id bigint GENERATED ALWAYS AS IDENTITY,
    shipments_id integer,
    reviews_id integer NOT NULL,
    is_verified boolean DEFAULT false,
    reference varchar(120) NOT NULL DEFAULT '',
    starts_on date NOT NULL,
    CONSTRAINT pk_order_items PRIMARY KEY (id),
    CONSTRAINT fk_order_items_shipments_id FOREIGN KEY (shipments_id) REFERENCES shipments (id) ON DELETE NO ACTION,
    CONSTRAINT fk_order_items_reviews_id FOREIGN KEY (reviews_id) REFERENCES reviews (id) ON DELETE NO ACTION
);

CREATE INDEX ix_order_items_shipments_id ON order_items (shipments_id);

CREATE INDEX ix_order_items_reviews_id ON order_items (reviews_id);

