-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: dbmate migrations, fingerprint sha256:b61b715db7f657fa7eadfa4ddecfd48b7f2b72bbc763e8686034e6e9b4c5f438
-- migrations: 4 · statements: 7
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 20240101120000 (20240101120000_create_users.sql)
-- kind: schema
BEGIN;
-- migrate:up
create table users (
  id bigserial primary key,
  email text not null unique,
  created_at timestamptz not null default now()
);

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20240102120000 (20240102120000_users_created_at_index.sql)
-- kind: schema
-- migrate:up transaction:false
create index concurrently users_created_at_idx on users (created_at);


-- ----------------------------------------------------------------------------
-- migration 20240103120000 (20240103120000_orders.sql)
-- kind: schema
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


-- ----------------------------------------------------------------------------
-- migration 20240104120000 (20240104120000_order_status.sql)
-- kind: schema
BEGIN;
-- migrate:up
create type order_status as enum ('pending', 'paid', 'shipped');
-- !! lock: ACCESS EXCLUSIVE on public.orders (blocks reads and writes)
alter table orders add column status order_status not null default 'pending';

create function order_count(p_user bigint) returns bigint
language sql stable as $$
  select count(*) from orders where user_id = p_user;
$$;

COMMIT;
