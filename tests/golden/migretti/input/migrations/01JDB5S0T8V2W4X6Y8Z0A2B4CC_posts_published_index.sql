-- migration: Posts published index
-- id: 01JDB5S0T8V2W4X6Y8Z0A2B4CC

-- migrate: no-transaction
-- migrate: up
CREATE INDEX CONCURRENTLY posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;

-- migrate: down
DROP INDEX CONCURRENTLY posts_published_at_idx;
