-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: yoyo migrations, fingerprint sha256:a2772ee1223b4e5ee0cefd23e58dd724509ab355b1d1fa71ee5a6df44078d928
-- migrations: 6 · statements: 12
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 0001.initial-schema (0001.initial-schema.sql, 0001.initial-schema.rollback.sql)
-- kind: schema
BEGIN;
-- Initial schema: the app schema and its users.
--

CREATE SCHEMA app;

CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0002.create-orders (0002.create-orders.py)
-- kind: schema · depends on: 0001.initial-schema
BEGIN;

        CREATE TABLE app.orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES app.users (id),
            placed_at timestamptz NOT NULL DEFAULT now()
        );
        
CREATE TABLE app.order_lines ( order_id bigint NOT NULL REFERENCES app.orders (id) ON DELETE CASCADE, sku text NOT NULL, quantity integer NOT NULL CHECK (quantity > 0));
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0003.add-email (0003.add-email.sql, 0003.add-email.rollback.sql)
-- kind: schema · depends on: 0001.initial-schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on app.users (blocks reads and writes)
-- Users get an email address.
-- depends: 0001.initial-schema

ALTER TABLE app.users ADD COLUMN email text;
COMMENT ON COLUMN app.users.email IS 'Contact address; may be null for legacy users';
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 0004.index-email (0004.index-email.sql, 0004.index-email.rollback.sql)
-- kind: schema · depends on: 0003.add-email
-- Index emails without blocking writes.
-- depends: 0003.add-email
-- transactional: false

CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON app.users (lower(email));

-- ----------------------------------------------------------------------------
-- migration 0005.order-status (0005.order-status.py)
-- kind: schema · depends on: 0002.create-orders
BEGIN;
CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped');
-- !! lock: ACCESS EXCLUSIVE on app.orders (blocks reads and writes)
ALTER TABLE app.orders ADD COLUMN status app.order_status NOT NULL DEFAULT 'new';
-- !! lock: ACCESS EXCLUSIVE on app.order_lines (blocks reads and writes)
-- !! scan: ADD CHECK scans app.order_lines to check every row
ALTER TABLE app.order_lines ADD CONSTRAINT sku_format CHECK (sku ~ '^[A-Z]{3}-\d{4}$');
COMMIT;

-- ----------------------------------------------------------------------------
-- migration post-apply (post-apply.sql)
-- kind: post-apply
-- inferred dependency: 0001.initial-schema (uses table app.users)
-- inferred dependency: 0002.create-orders (uses table app.orders)
BEGIN;
-- Runs after every apply: keep planner statistics fresh.
ANALYZE app.users;
ANALYZE app.orders;
COMMIT;
