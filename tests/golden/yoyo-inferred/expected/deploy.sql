-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: yoyo migrations, fingerprint sha256:4990ae2e3355ebf96a8f1a67a22b6200ca6c7cdfd675a8b4f98e5283823f320c
-- migrations: 6 · statements: 6
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 0003.create-customers (0003.create-customers.sql)
-- kind: schema
BEGIN;
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0004.order-status (0004.order-status.sql)
-- kind: schema
BEGIN;
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0002.create-orders (0002.create-orders.sql)
-- kind: schema
-- inferred dependency: 0003.create-customers (uses table public.customers)
-- inferred dependency: 0004.order-status (uses type public.order_status)
BEGIN;
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status order_status NOT NULL DEFAULT 'new',
    placed_at timestamptz NOT NULL DEFAULT now()
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0001.index-orders (0001.index-orders.sql)
-- kind: schema
-- inferred dependency: 0002.create-orders (uses table public.orders)
BEGIN;
-- !! lock: SHARE on public.orders (blocks writes)
-- !! scan: CREATE INDEX scans public.orders to build its index
-- The files of this project sort in the wrong order and declare nothing:
-- migc infers every dependency from the SQL.
CREATE INDEX orders_customer_idx ON orders (customer_id);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0005.customer-orders-view (0005.customer-orders-view.sql)
-- kind: schema
-- inferred dependency: 0002.create-orders (uses table public.orders)
-- inferred dependency: 0003.create-customers (uses table public.customers)
BEGIN;
CREATE VIEW customer_orders AS
SELECT c.email, count(o.id) AS orders
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.email;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0006.first-customer (0006.first-customer.sql)
-- kind: schema
-- inferred dependency: 0003.create-customers (uses table public.customers)
BEGIN;
INSERT INTO customers (email) VALUES ('first@example.com');
COMMIT;
