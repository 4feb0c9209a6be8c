-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: hyperdjango migrations, fingerprint sha256:a7a2eb6af664f86343aba2448db81183b32a5d810cc7b47b8710f0c2bae022d8
-- migrations: 5 · statements: 9
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 1_initial (1_initial.sql)
-- kind: schema
BEGIN;
CREATE TABLE shop_category (
    id serial PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);

CREATE TABLE shop_product (
    id serial PRIMARY KEY,
    category_id integer NOT NULL REFERENCES shop_category (id),
    name varchar(200) NOT NULL,
    price numeric(10, 2) NOT NULL
);

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 2_product_sku (2_product_sku.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.shop_product (blocks reads and writes)
ALTER TABLE shop_product ADD COLUMN sku varchar(32);
-- !! irreversible: UPDATE changes rows of public.shop_product: a rollback cannot restore the old values
UPDATE shop_product SET sku = 'P' || id WHERE sku IS NULL;
-- !! lock: ACCESS EXCLUSIVE on public.shop_product (blocks reads and writes)
-- !! scan: SET NOT NULL scans public.shop_product to check every row
ALTER TABLE shop_product ALTER COLUMN sku SET NOT NULL;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 3_product_search (3_product_search.sql)
-- kind: schema
BEGIN;
-- !! lock: SHARE on public.shop_product (blocks writes)
-- !! scan: CREATE INDEX scans public.shop_product to build its index
CREATE INDEX shop_product_name_idx ON shop_product (lower(name));
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 10_orders (10_orders.sql)
-- kind: schema
BEGIN;
CREATE TABLE shop_order (
    id serial PRIMARY KEY,
    placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shop_order_item (
    order_id integer NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES shop_product (id),
    quantity integer NOT NULL DEFAULT 1
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 11_order_total (11_order_total.sql)
-- kind: schema
BEGIN;
CREATE VIEW shop_order_total AS
SELECT i.order_id, sum(i.quantity * p.price) AS total
FROM shop_order_item i JOIN shop_product p ON p.id = i.product_id
GROUP BY i.order_id;
COMMIT;
