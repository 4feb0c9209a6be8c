-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: hyperdjango migrations, fingerprint sha256:a7a2eb6af664f86343aba2448db81183b32a5d810cc7b47b8710f0c2bae022d8
-- migrations: 5 · statements: 9
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 1 migration(s) have no down part; their changes stay:
--   3_product_search

-- ----------------------------------------------------------------------------
-- migration 11_order_total (11_order_total.sql)
-- kind: schema
BEGIN;
DROP VIEW shop_order_total;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 10_orders (10_orders.sql)
-- kind: schema
BEGIN;
DROP TABLE shop_order_item;
DROP TABLE shop_order;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 3_product_search (3_product_search.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 2_product_sku (2_product_sku.sql)
-- kind: schema
BEGIN;
ALTER TABLE shop_product DROP COLUMN sku;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 1_initial (1_initial.sql)
-- kind: schema
BEGIN;
DROP TABLE shop_product;
DROP TABLE shop_category;
COMMIT;
