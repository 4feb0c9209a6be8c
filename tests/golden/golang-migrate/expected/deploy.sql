-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: golang-migrate migrations, fingerprint sha256:ca03cc393a61deb476880d102cc6434cb0f5a6dce0e2886070f55a940f415bf3
-- migrations: 6 · statements: 13
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 000001 (000001_create_accounts.up.sql, 000001_create_accounts.down.sql)
-- kind: schema
CREATE TABLE accounts (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- ----------------------------------------------------------------------------
-- migration 000002 (000002_create_projects.up.sql, 000002_create_projects.down.sql)
-- kind: schema
-- this migration manages its own transaction
BEGIN;

CREATE TABLE projects (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       text NOT NULL,
    archived   boolean NOT NULL DEFAULT false
);

CREATE INDEX projects_account_id_idx ON projects (account_id);

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 000003 (000003_projects_name_index.up.sql, 000003_projects_name_index.down.sql)
-- kind: schema
-- A single statement: golang-migrate sends it alone, so CONCURRENTLY is allowed.
CREATE INDEX CONCURRENTLY projects_name_idx ON projects (lower(name));

-- ----------------------------------------------------------------------------
-- migration 000004 (000004_touch_updated_at.up.sql, 000004_touch_updated_at.down.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.projects (blocks reads and writes)
ALTER TABLE projects ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER projects_touch_updated_at
    BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 000005 (000005_seed_plans.up.sql)
-- kind: schema
BEGIN;
CREATE TABLE plans (
    code  text PRIMARY KEY,
    seats integer NOT NULL CHECK (seats > 0)
);

INSERT INTO plans (code, seats) VALUES ('free', 1), ('team', 10), ('business', 100);
-- !! lock: ACCESS EXCLUSIVE on public.accounts (blocks reads and writes)

ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free' REFERENCES plans (code);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 000006 (000006_archive_projects.up.sql, 000006_archive_projects.down.sql)
-- kind: schema
-- !! irreversible: UPDATE changes rows of public.projects: a rollback cannot restore the old values
UPDATE projects SET archived = true
 WHERE updated_at < now() - interval '2 years';
