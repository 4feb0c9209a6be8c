"""Create auth.users."""
from yoyo import step

__depends__ = {"20250101_00_kqzfa-auth-create-schema"}

steps = [
    step(
        """
        CREATE TABLE auth.users (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        DROP TABLE auth.users
        """,
    ),
]
