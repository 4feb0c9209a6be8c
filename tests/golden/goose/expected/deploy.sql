-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: goose migrations, fingerprint sha256:704b1066a6e5ae1a9a09d98da9e99126280c1643835eb40f3ac245ec339314eb
-- migrations: 5 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 1 (00001_create_users.sql)
-- kind: schema
BEGIN;
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Lower-cased emails are unique.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 2 (00002_touch_updated_at.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.users (blocks reads and writes)
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- +goose StatementBegin
CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER users_touch BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 3 (00003_users_created_at_index.sql)
-- kind: schema
CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);


-- ----------------------------------------------------------------------------
-- migration 4 (00004_roles.sql)
-- kind: schema
BEGIN;
CREATE TABLE roles (
    id   serial PRIMARY KEY,
    name text NOT NULL UNIQUE
);
CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id int    NOT NULL REFERENCES roles (id),
    PRIMARY KEY (user_id, role_id)
);
INSERT INTO roles (name) VALUES ('admin'), ('member'); -- the two built-in roles

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 5 (00005_audit_log.sql)
-- kind: schema
BEGIN;
-- Append-only; there is no way back once rows are written, so no Down part.
-- +goose StatementBegin
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    user_id    bigint REFERENCES users (id),
    action     text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
-- +goose StatementEnd
COMMIT;
