CREATE TABLE ${schema}.orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint  NOT NULL REFERENCES ${schema}.customers (id),
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    placed_at   timestamptz NOT NULL DEFAULT now()
);
