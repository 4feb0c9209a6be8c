-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: pop migrations, fingerprint sha256:efe9ea23116f10a8c649ee07821048a959183b4b287b87f52bd27ed19c297442
-- migrations: 6 · statements: 7
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 20230101000000000000 (20230101000000000000_networks.postgres.up.sql, 20230101000000000000_networks.postgres.down.sql)
-- kind: schema
BEGIN;
CREATE TABLE networks (
    id         UUID NOT NULL PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230102000000000000 (20230102000000000000_identities.postgres.up.sql, 20230102000000000000_identities.down.sql)
-- kind: schema
BEGIN;
CREATE TABLE identities (
    id         UUID NOT NULL PRIMARY KEY,
    nid        UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    traits     JSONB NOT NULL,
    created_at TIMESTAMP NOT NULL
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230103000000000000 (20230103000000000000_identities_nid_idx.postgres.autocommit.up.sql, 20230103000000000000_identities_nid_idx.postgres.autocommit.down.sql)
-- kind: schema
CREATE INDEX CONCURRENTLY IF NOT EXISTS identities_nid_idx ON identities (nid, id);

-- ----------------------------------------------------------------------------
-- migration 20230104000000000000 (20230104000000000000_noop.up.sql, 20230104000000000000_noop.down.sql)
-- kind: schema

-- ----------------------------------------------------------------------------
-- migration 20230105000000000000 (20230105000000000000_sessions.postgres.up.sql, 20230105000000000000_sessions.postgres.down.sql)
-- kind: schema
BEGIN;
CREATE TABLE sessions (
    id          UUID NOT NULL PRIMARY KEY,
    nid         UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT true
);

CREATE INDEX sessions_identity_id_idx ON sessions (identity_id);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230106000000000000 (20230106000000000000_sessions_devices.up.sql, 20230106000000000000_sessions_devices.down.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.sessions (blocks reads and writes)
ALTER TABLE sessions ADD COLUMN device_ip TEXT;
-- !! irreversible: UPDATE changes rows of public.sessions: a rollback cannot restore the old values
UPDATE sessions SET active = false WHERE expires_at < now();
COMMIT;
