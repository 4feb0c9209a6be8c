"""Create the auth schema and the trigger function that keeps updated_at current."""
from yoyo import step

steps = [
    step(
        "CREATE SCHEMA auth",
        "DROP SCHEMA auth",
    ),
    step(
        """
        CREATE FUNCTION auth.touch_updated_at() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END;
        $$
        """,
        "DROP FUNCTION auth.touch_updated_at()",
    ),
]
