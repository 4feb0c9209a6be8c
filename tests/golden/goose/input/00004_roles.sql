-- +goose Up
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

-- +goose Down
DROP TABLE user_roles;
DROP TABLE roles;
