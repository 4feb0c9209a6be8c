-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: goose migrations, fingerprint sha256:704b1066a6e5ae1a9a09d98da9e99126280c1643835eb40f3ac245ec339314eb
-- migrations: 5 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 1 migration(s) have no down part; their changes stay:
--   5

-- ----------------------------------------------------------------------------
-- migration 5 (00005_audit_log.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 4 (00004_roles.sql)
-- kind: schema
BEGIN;
DROP TABLE user_roles;
DROP TABLE roles;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 3 (00003_users_created_at_index.sql)
-- kind: schema
DROP INDEX CONCURRENTLY users_created_at_idx;

-- ----------------------------------------------------------------------------
-- migration 2 (00002_touch_updated_at.sql)
-- kind: schema
BEGIN;
DROP TRIGGER users_touch ON users;
DROP FUNCTION touch_updated_at();
ALTER TABLE users DROP COLUMN updated_at;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 1 (00001_create_users.sql)
-- kind: schema
BEGIN;
DROP TABLE users;
COMMIT;
