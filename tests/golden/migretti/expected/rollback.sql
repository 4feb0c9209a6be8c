-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: migretti migrations, fingerprint sha256:aea665e7440488e8ea043446458af723e84fc2f7f778560a7887f8bfaf1e1419
-- migrations: 7 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 2 migration(s) have no down part; their changes stay:
--   seeds/01_authors
--   seeds/02_welcome_post

-- ----------------------------------------------------------------------------
-- migration seeds/02_welcome_post (seeds/02_welcome_post.sql)
-- kind: seed
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration seeds/01_authors (seeds/01_authors.sql)
-- kind: seed
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 01JDB5V6W8X0Y2Z4A6B8C0D2EF (migrations/01JDB5V6W8X0Y2Z4A6B8C0D2EF_create_comments.sql)
-- kind: schema
BEGIN;
DROP TABLE comments;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5T3H5J7K9M1N3P5Q7R9SD (migrations/01JDB5T3H5J7K9M1N3P5Q7R9SD_post_slugs.sql)
-- kind: schema
BEGIN;
DROP TRIGGER posts_slug ON posts;
DROP FUNCTION posts_set_slug();
ALTER TABLE posts DROP COLUMN slug;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5S0T8V2W4X6Y8Z0A2B4CC (migrations/01JDB5S0T8V2W4X6Y8Z0A2B4CC_posts_published_index.sql)
-- kind: schema
DROP INDEX CONCURRENTLY posts_published_at_idx;

-- ----------------------------------------------------------------------------
-- migration 01JDB5R7N1P4Z2C8F6G3J5K9MB (migrations/01JDB5R7N1P4Z2C8F6G3J5K9MB_create_posts.sql)
-- kind: schema
BEGIN;
DROP TABLE posts;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5Q2M3X8Y4K7H9T0V6W1RA (migrations/01JDB5Q2M3X8Y4K7H9T0V6W1RA_create_authors.sql)
-- kind: schema
BEGIN;
DROP TABLE authors;
COMMIT;
