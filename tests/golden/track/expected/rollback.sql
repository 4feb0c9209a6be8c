-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: dbmate migrations, fingerprint sha256:b61b715db7f657fa7eadfa4ddecfd48b7f2b72bbc763e8686034e6e9b4c5f438
-- migrations: 4 · statements: 7
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- bookkeeping (--track): one deployment at a time; applied migrations are recorded and skipped
SELECT pg_advisory_lock(1697978924733769745);

-- ----------------------------------------------------------------------------
-- migration 20240104120000 (20240104120000_order_status.sql)
-- kind: schema
SELECT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240104120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:down
drop function order_count(bigint);
alter table orders drop column status;
drop type order_status;
DELETE FROM ops.schema_history WHERE id = '20240104120000';
COMMIT;
\else
\echo migc: 20240104120000 not applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240103120000 (20240103120000_orders.sql)
-- kind: schema
SELECT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240103120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:down
drop table orders;

COMMIT;
-- migrate:down transaction:false
drop index concurrently orders_user_id_idx;
DELETE FROM ops.schema_history WHERE id = '20240103120000';
\else
\echo migc: 20240103120000 not applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240102120000 (20240102120000_users_created_at_index.sql)
-- kind: schema
SELECT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240102120000') AS migc_run \gset
\if :migc_run
-- migrate:down transaction:false
drop index concurrently users_created_at_idx;
DELETE FROM ops.schema_history WHERE id = '20240102120000';
\else
\echo migc: 20240102120000 not applied, skipped
\endif

-- ----------------------------------------------------------------------------
-- migration 20240101120000 (20240101120000_create_users.sql)
-- kind: schema
SELECT EXISTS (SELECT 1 FROM ops.schema_history WHERE id = '20240101120000') AS migc_run \gset
\if :migc_run
BEGIN;
-- migrate:down
drop table users;
DELETE FROM ops.schema_history WHERE id = '20240101120000';
COMMIT;
\else
\echo migc: 20240101120000 not applied, skipped
\endif

SELECT pg_advisory_unlock(1697978924733769745);
