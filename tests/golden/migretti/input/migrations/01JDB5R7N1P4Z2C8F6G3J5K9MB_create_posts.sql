-- migration: Create posts
-- id: 01JDB5R7N1P4Z2C8F6G3J5K9MB

-- migrate: up
CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    published_at timestamptz
);
CREATE INDEX posts_author_id_idx ON posts (author_id);

-- migrate: down
DROP TABLE posts;
