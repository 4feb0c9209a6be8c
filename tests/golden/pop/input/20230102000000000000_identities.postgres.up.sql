CREATE TABLE identities (
    id         UUID NOT NULL PRIMARY KEY,
    nid        UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    traits     JSONB NOT NULL,
    created_at TIMESTAMP NOT NULL
);
