CREATE INDEX CONCURRENTLY posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;
