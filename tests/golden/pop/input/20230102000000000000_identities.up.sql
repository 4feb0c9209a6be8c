CREATE TABLE identities (
    id         CHAR(36) NOT NULL PRIMARY KEY,
    nid        CHAR(36) NOT NULL,
    traits     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
