-- Initial schema: the app schema and its users.
--

CREATE SCHEMA app;

CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
