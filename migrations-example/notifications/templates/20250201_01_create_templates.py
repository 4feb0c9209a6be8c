"""Message templates, one per key, channel and locale."""
from yoyo import step

__depends__ = {"20250201_00_create_notifications_schema"}

steps = [
    step(
        """
        CREATE TABLE notifications.templates (
            id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key        text NOT NULL,
            channel    notifications.channel NOT NULL,
            locale     text NOT NULL DEFAULT 'en',
            subject    text,
            body       text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (key, channel, locale)
        )
        """,
        "DROP TABLE notifications.templates",
    ),
]
