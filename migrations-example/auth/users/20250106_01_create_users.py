"""Users, their status and the updated_at trigger."""
from yoyo import step

__depends__ = {"20250106_00_create_auth_schema"}

steps = [
    step(
        "CREATE TYPE auth.user_status AS ENUM ('active', 'suspended', 'deleted')",
        "DROP TYPE auth.user_status",
    ),
    step(
        """
        CREATE TABLE auth.users (
            id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email               text NOT NULL,
            display_name        text,
            password_hash       text,
            legacy_password_md5 text,
            status              auth.user_status NOT NULL DEFAULT 'active',
            created_at          timestamptz NOT NULL DEFAULT now(),
            updated_at          timestamptz NOT NULL DEFAULT now()
        )
        """,
        "DROP TABLE auth.users",
    ),
    step(
        "CREATE UNIQUE INDEX users_email_key ON auth.users (lower(email))",
        "DROP INDEX auth.users_email_key",
    ),
    step(
        """
        CREATE TRIGGER users_touch_updated_at
            BEFORE UPDATE ON auth.users
            FOR EACH ROW EXECUTE FUNCTION auth.touch_updated_at()
        """,
        "DROP TRIGGER users_touch_updated_at ON auth.users",
    ),
]
