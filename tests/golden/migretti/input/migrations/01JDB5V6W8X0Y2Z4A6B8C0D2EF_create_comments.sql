-- migration: Create comments
-- id: 01JDB5V6W8X0Y2Z4A6B8C0D2EF

-- migrate: up
CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- migrate: down
DROP TABLE comments;
