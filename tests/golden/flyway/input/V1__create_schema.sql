CREATE SCHEMA ${schema};

CREATE TABLE ${schema}.customers (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);
