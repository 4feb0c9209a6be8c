-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: migretti migrations, fingerprint sha256:aea665e7440488e8ea043446458af723e84fc2f7f778560a7887f8bfaf1e1419
-- migrations: 7 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 01JDB5Q2M3X8Y4K7H9T0V6W1RA (migrations/01JDB5Q2M3X8Y4K7H9T0V6W1RA_create_authors.sql)
-- kind: schema
BEGIN;
CREATE TABLE authors (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    bio text
);

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5R7N1P4Z2C8F6G3J5K9MB (migrations/01JDB5R7N1P4Z2C8F6G3J5K9MB_create_posts.sql)
-- kind: schema
BEGIN;
CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    published_at timestamptz
);
CREATE INDEX posts_author_id_idx ON posts (author_id);

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5S0T8V2W4X6Y8Z0A2B4CC (migrations/01JDB5S0T8V2W4X6Y8Z0A2B4CC_posts_published_index.sql)
-- kind: schema
CREATE INDEX CONCURRENTLY posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;


-- ----------------------------------------------------------------------------
-- migration 01JDB5T3H5J7K9M1N3P5Q7R9SD (migrations/01JDB5T3H5J7K9M1N3P5Q7R9SD_post_slugs.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public.posts (blocks reads and writes)
ALTER TABLE posts ADD COLUMN slug text;

CREATE FUNCTION posts_set_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.slug := lower(regexp_replace(NEW.title, '[^a-zA-Z0-9]+', '-', 'g'));
    RETURN NEW;
END;
$$;

CREATE TRIGGER posts_slug BEFORE INSERT OR UPDATE OF title ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_set_slug();

COMMIT;

-- ----------------------------------------------------------------------------
-- migration 01JDB5V6W8X0Y2Z4A6B8C0D2EF (migrations/01JDB5V6W8X0Y2Z4A6B8C0D2EF_create_comments.sql)
-- kind: schema
BEGIN;
CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMIT;

-- ----------------------------------------------------------------------------
-- migration seeds/01_authors (seeds/01_authors.sql)
-- kind: seed
BEGIN;
INSERT INTO authors (name, bio) VALUES ('Ada', 'First author') ON CONFLICT DO NOTHING;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration seeds/02_welcome_post (seeds/02_welcome_post.sql)
-- kind: seed
BEGIN;
INSERT INTO posts (author_id, title, body, published_at)
SELECT id, 'Welcome', 'Hello, world.', now() FROM authors WHERE name = 'Ada';
COMMIT;
