-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: yoyo migrations, fingerprint sha256:4990ae2e3355ebf96a8f1a67a22b6200ca6c7cdfd675a8b4f98e5283823f320c
-- migrations: 6 · statements: 6
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 6 migration(s) have no down part; their changes stay:
--   0003.create-customers
--   0004.order-status
--   0002.create-orders
--   0001.index-orders
--   0005.customer-orders-view
--   0006.first-customer

-- ----------------------------------------------------------------------------
-- migration 0006.first-customer (0006.first-customer.sql)
-- kind: schema
-- inferred dependency: 0003.create-customers (uses table public.customers)
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0005.customer-orders-view (0005.customer-orders-view.sql)
-- kind: schema
-- inferred dependency: 0002.create-orders (uses table public.orders)
-- inferred dependency: 0003.create-customers (uses table public.customers)
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0001.index-orders (0001.index-orders.sql)
-- kind: schema
-- inferred dependency: 0002.create-orders (uses table public.orders)
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0002.create-orders (0002.create-orders.sql)
-- kind: schema
-- inferred dependency: 0003.create-customers (uses table public.customers)
-- inferred dependency: 0004.order-status (uses type public.order_status)
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0004.order-status (0004.order-status.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0003.create-customers (0003.create-customers.sql)
-- kind: schema
-- no down part: nothing to roll back
