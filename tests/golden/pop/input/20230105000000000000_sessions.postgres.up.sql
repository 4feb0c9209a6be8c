CREATE TABLE sessions (
    id          UUID NOT NULL PRIMARY KEY,
    nid         UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT true
);

CREATE INDEX sessions_identity_id_idx ON sessions (identity_id);
