-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: diesel migrations, fingerprint sha256:f25b4dc707d8faf5c5e118f02dafe717b6e5c8a0666df5cbab7de886ad9e6e0e
-- migrations: 6 · statements: 9
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 00000000000000 (00000000000000_diesel_initial_setup/up.sql, 00000000000000_diesel_initial_setup/down.sql)
-- kind: schema
BEGIN;
-- Keeps updated_at current on tables that opt in with
-- SELECT diesel_manage_updated_at('table_name');
CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION diesel_set_updated_at() RETURNS trigger AS $$
BEGIN
    IF (NEW IS DISTINCT FROM OLD AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at) THEN
        NEW.updated_at := current_timestamp;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230110120000 (2023-01-10-120000_create_users/up.sql, 2023-01-10-120000_create_users/down.sql)
-- kind: schema
BEGIN;
CREATE TABLE users (
    id         SERIAL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL DEFAULT now(),
    updated_at TIMESTAMP NOT NULL DEFAULT now()
);

SELECT diesel_manage_updated_at('users');
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230112093000 (2023-01-12-093000_create_posts/up.sql, 2023-01-12-093000_create_posts/down.sql)
-- kind: schema
BEGIN;
CREATE TABLE posts (
    id           SERIAL PRIMARY KEY,
    author_id    INTEGER NOT NULL REFERENCES users (id),
    title        VARCHAR NOT NULL,
    body         TEXT NOT NULL,
    published_at TIMESTAMP
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230201080000 (2023-02-01-080000_posts_published_index/up.sql, 2023-02-01-080000_posts_published_index/down.sql, 2023-02-01-080000_posts_published_index/metadata.toml)
-- kind: schema
CREATE INDEX CONCURRENTLY posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;

-- ----------------------------------------------------------------------------
-- migration 20230305101500 (2023-03-05-101500_add_user_bio/up.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.users (blocks reads and writes)
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230320170000 (2023-03-20-170000_tags/up.sql, 2023-03-20-170000_tags/down.sql, 2023-03-20-170000_tags/metadata.toml)
-- kind: schema
BEGIN;
CREATE TABLE tags (
    id   SERIAL PRIMARY KEY,
    name VARCHAR(32) NOT NULL UNIQUE
);

CREATE TABLE posts_tags (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);
COMMIT;
