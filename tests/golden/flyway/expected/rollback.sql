-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: flyway migrations, fingerprint sha256:5bf75f4044fa62cea9c6fcf0bbc69697bcccad3e285ee29a549411514eec3b01
-- migrations: 5 · statements: 8
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 4 migration(s) have no down part; their changes stay:
--   1.1
--   3
--   4
--   R__customer_totals

-- ----------------------------------------------------------------------------
-- migration R__customer_totals (R__customer_totals.sql)
-- kind: repeatable
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 4 (V4__order_status.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 3 (sql/orders/V3__orders_customer_index.sql, sql/orders/V3__orders_customer_index.sql.conf)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 2 (sql/orders/V2__orders.sql, sql/orders/U2__orders.sql)
-- kind: schema
BEGIN;
DROP TABLE app.orders;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 1.1 (B1_1__baseline.sql)
-- kind: baseline
-- no down part: nothing to roll back
