-- The schema as of version 1.1, for new databases.
CREATE SCHEMA ${schema};

CREATE TABLE ${schema}.customers (
    id    bigserial PRIMARY KEY,
    name  text NOT NULL,
    email text
);
