CREATE TABLE sessions (id UUID NOT NULL PRIMARY KEY, nid UUID NOT NULL, identity_id UUID NOT NULL, expires_at TIMESTAMP NOT NULL, active BOOL NOT NULL DEFAULT true, INDEX (identity_id));
