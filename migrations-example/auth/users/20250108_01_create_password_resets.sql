-- One-time password reset tokens; only their hash is stored.
-- depends: 20250106_02_create_sessions

CREATE TABLE auth.password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK (expires_at > created_at)
);

CREATE INDEX password_resets_user_id_idx ON auth.password_resets (user_id);
