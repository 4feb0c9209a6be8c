-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: golang-migrate migrations, fingerprint sha256:ca03cc393a61deb476880d102cc6434cb0f5a6dce0e2886070f55a940f415bf3
-- migrations: 6 · statements: 13
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 1 migration(s) have no down part; their changes stay:
--   000005

-- ----------------------------------------------------------------------------
-- migration 000006 (000006_archive_projects.up.sql, 000006_archive_projects.down.sql)
-- kind: schema
-- Archiving cannot be told apart from a user's own choice: nothing to undo.
SELECT 1;

-- ----------------------------------------------------------------------------
-- migration 000005 (000005_seed_plans.up.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 000004 (000004_touch_updated_at.up.sql, 000004_touch_updated_at.down.sql)
-- kind: schema
BEGIN;
DROP TRIGGER projects_touch_updated_at ON projects;
DROP FUNCTION touch_updated_at();
ALTER TABLE projects DROP COLUMN updated_at;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 000003 (000003_projects_name_index.up.sql, 000003_projects_name_index.down.sql)
-- kind: schema
DROP INDEX CONCURRENTLY projects_name_idx;

-- ----------------------------------------------------------------------------
-- migration 000002 (000002_create_projects.up.sql, 000002_create_projects.down.sql)
-- kind: schema
DROP TABLE projects;

-- ----------------------------------------------------------------------------
-- migration 000001 (000001_create_accounts.up.sql, 000001_create_accounts.down.sql)
-- kind: schema
DROP TABLE accounts;
