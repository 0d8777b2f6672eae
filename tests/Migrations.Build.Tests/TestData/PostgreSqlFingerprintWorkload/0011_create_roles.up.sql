CREATE TABLE roles (
    id serial,
    reviews_id integer NOT NULL,
    body text,
    token uuid NOT NULL DEFAULT gen_random_uuid(),
    comment text,
    ends_on date,
    external_id uuid NOT NULL,
    address text,
    public_id uuid NOT NULL,
    slug varchar(32) NOT NULL,
    CONSTRAINT pk_roles PRIMARY KEY (id),
    CONSTRAINT fk_roles_reviews_id FOREIGN KEY (reviews_id) REFERENCES reviews (id) ON DELETE RESTRICT
);

CREATE INDEX ix_roles_reviews_id ON roles (reviews_id);

