-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: flyway migrations, fingerprint sha256:5bf75f4044fa62cea9c6fcf0bbc69697bcccad3e285ee29a549411514eec3b01
-- migrations: 5 · statements: 8
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 1.1 (B1_1__baseline.sql)
-- kind: baseline
BEGIN;
-- The schema as of version 1.1, for new databases.
CREATE SCHEMA app;

CREATE TABLE app.customers (
    id    bigserial PRIMARY KEY,
    name  text NOT NULL,
    email text
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 2 (sql/orders/V2__orders.sql, sql/orders/U2__orders.sql)
-- kind: schema
BEGIN;
CREATE TABLE app.orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint  NOT NULL REFERENCES app.customers (id),
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    placed_at   timestamptz NOT NULL DEFAULT now()
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 3 (sql/orders/V3__orders_customer_index.sql, sql/orders/V3__orders_customer_index.sql.conf)
-- kind: schema
-- Built online: the table is large in production.
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON app.orders (customer_id);

-- ----------------------------------------------------------------------------
-- migration 4 (V4__order_status.sql)
-- kind: schema
BEGIN;
CREATE TYPE app.order_status AS ENUM ('pending', 'paid', 'shipped');
-- !! lock: ACCESS EXCLUSIVE on app.orders (blocks reads and writes)
ALTER TABLE app.orders ADD COLUMN status app.order_status NOT NULL DEFAULT 'pending';
COMMENT ON COLUMN app.orders.status IS 'set by V4__order_status.sql';
COMMIT;

-- ----------------------------------------------------------------------------
-- migration R__customer_totals (R__customer_totals.sql)
-- kind: repeatable
BEGIN;
CREATE OR REPLACE VIEW app.customer_totals AS
SELECT c.id, c.name, coalesce(sum(o.total_cents), 0) AS total_cents
FROM app.customers c
LEFT JOIN app.orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
COMMIT;
