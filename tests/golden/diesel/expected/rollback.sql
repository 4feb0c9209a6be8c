-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: diesel migrations, fingerprint sha256:f25b4dc707d8faf5c5e118f02dafe717b6e5c8a0666df5cbab7de886ad9e6e0e
-- migrations: 6 · statements: 9
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 1 migration(s) have no down part; their changes stay:
--   20230305101500

-- ----------------------------------------------------------------------------
-- migration 20230320170000 (2023-03-20-170000_tags/up.sql, 2023-03-20-170000_tags/down.sql, 2023-03-20-170000_tags/metadata.toml)
-- kind: schema
BEGIN;
DROP TABLE posts_tags;
DROP TABLE tags;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230305101500 (2023-03-05-101500_add_user_bio/up.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 20230201080000 (2023-02-01-080000_posts_published_index/up.sql, 2023-02-01-080000_posts_published_index/down.sql, 2023-02-01-080000_posts_published_index/metadata.toml)
-- kind: schema
DROP INDEX CONCURRENTLY posts_published_at_idx;

-- ----------------------------------------------------------------------------
-- migration 20230112093000 (2023-01-12-093000_create_posts/up.sql, 2023-01-12-093000_create_posts/down.sql)
-- kind: schema
BEGIN;
DROP TABLE posts;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20230110120000 (2023-01-10-120000_create_users/up.sql, 2023-01-10-120000_create_users/down.sql)
-- kind: schema
BEGIN;
DROP TABLE users;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 00000000000000 (00000000000000_diesel_initial_setup/up.sql, 00000000000000_diesel_initial_setup/down.sql)
-- kind: schema
BEGIN;
DROP FUNCTION IF EXISTS diesel_manage_updated_at(_tbl regclass);
DROP FUNCTION IF EXISTS diesel_set_updated_at();
COMMIT;
