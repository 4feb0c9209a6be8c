-- Accounts that can sign in.
-- +goose Up
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Lower-cased emails are unique.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- +goose Down
DROP TABLE users;
