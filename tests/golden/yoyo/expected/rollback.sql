-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: yoyo migrations, fingerprint sha256:a2772ee1223b4e5ee0cefd23e58dd724509ab355b1d1fa71ee5a6df44078d928
-- migrations: 6 · statements: 12
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 1 migration(s) have no down part; their changes stay:
--   post-apply

-- ----------------------------------------------------------------------------
-- migration post-apply (post-apply.sql)
-- kind: post-apply
-- inferred dependency: 0001.initial-schema (uses table app.users)
-- inferred dependency: 0002.create-orders (uses table app.orders)
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 0005.order-status (0005.order-status.py)
-- kind: schema · depends on: 0002.create-orders
BEGIN;
ALTER TABLE app.order_lines DROP CONSTRAINT sku_format;
ALTER TABLE app.orders DROP COLUMN status;
DROP TYPE app.order_status;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0004.index-email (0004.index-email.sql, 0004.index-email.rollback.sql)
-- kind: schema · depends on: 0003.add-email
DROP INDEX CONCURRENTLY app.users_email_key;

-- ----------------------------------------------------------------------------
-- migration 0003.add-email (0003.add-email.sql, 0003.add-email.rollback.sql)
-- kind: schema · depends on: 0001.initial-schema
BEGIN;
ALTER TABLE app.users DROP COLUMN email;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0002.create-orders (0002.create-orders.py)
-- kind: schema · depends on: 0001.initial-schema
BEGIN;
DROP TABLE app.order_lines;
DROP TABLE app.orders;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0001.initial-schema (0001.initial-schema.sql, 0001.initial-schema.rollback.sql)
-- kind: schema
BEGIN;
DROP TABLE app.users;
DROP SCHEMA app;
COMMIT;
