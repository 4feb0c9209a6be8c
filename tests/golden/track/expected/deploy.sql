-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: dbmate migrations, fingerprint sha256:b61b715db7f657fa7eadfa4ddecfd48b7f2b72bbc763e8686034e6e9b4c5f438
-- migrations: 4 · statements: 7
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- bookkeeping (--track): one deployment at a time; applied migrations are recorded and skipped
SELECT pg_advisory_lock(1697978924733769745);
CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.schema_history (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());

-- ----------------------------------------------------------------------------
-- migration 20240101120000 (20240101120000_create_users.sql)
-- kind: schema
SELECT NOT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240101120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:up
create table users (
  id bigserial primary key,
  email text not null unique,
  created_at timestamptz not null default now()
);

INSERT INTO ops.schema_history (id, checksum) VALUES ('20240101120000', '15546445eab15c3cf9058ea7c0af13aefcf22535915e906241805724c521dd75');
COMMIT;
\else
\echo migc: 20240101120000 already applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240102120000 (20240102120000_users_created_at_index.sql)
-- kind: schema
SELECT NOT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240102120000') AS migc_run \gset
\if :migc_run
-- migrate:up transaction:false
create index concurrently users_created_at_idx on users (created_at);

INSERT INTO ops.schema_history (id, checksum) VALUES ('20240102120000', 'daae1c53d4c1499f3fb075bfa32c333275de91e37fa160125800844f62dc2ee5');
\else
\echo migc: 20240102120000 already applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240103120000 (20240103120000_orders.sql)
-- kind: schema
SELECT NOT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240103120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:up
create table orders (
  id bigserial primary key,
  user_id bigint not null references users (id),
  total_cents integer not null check (total_cents >= 0)
);

COMMIT;
-- migrate:up transaction:false
create index concurrently orders_user_id_idx on orders (user_id);

INSERT INTO ops.schema_history (id, checksum) VALUES ('20240103120000', '150bf7ad46f4d9b6848cfc3c30e5b1dbd0cee1fc5e8a70da4f29783fae736848');
\else
\echo migc: 20240103120000 already applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240104120000 (20240104120000_order_status.sql)
-- kind: schema
SELECT NOT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240104120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:up
create type order_status as enum ('pending', 'paid', 'shipped');
-- !! lock: ACCESS EXCLUSIVE on public.orders (blocks reads and writes)
alter table orders add column status order_status not null default 'pending';

create function order_count(p_user bigint) returns bigint
language sql stable as $$
  select count(*) from orders where user_id = p_user;
$$;

INSERT INTO ops.schema_history (id, checksum) VALUES ('20240104120000', '7e7c405b949d44c96bcfa758ff38b42ba861ea7786c60e0d45cd151730a53ee1');
COMMIT;
\else
\echo migc: 20240104120000 already applied, skipped
\endif

SELECT pg_advisory_unlock(1697978924733769745);
