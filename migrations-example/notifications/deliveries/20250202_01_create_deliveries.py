"""Every message sent (or queued) to a user."""
from yoyo import step

__depends__ = {"20250201_01_create_templates", "20250106_01_create_users"}

steps = [
    step(
        """
        CREATE TABLE notifications.deliveries (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            template_id integer NOT NULL REFERENCES notifications.templates (id),
            user_id     uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
            channel     notifications.channel NOT NULL,
            status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
            queued_at   timestamptz NOT NULL DEFAULT now(),
            sent_at     timestamptz,
            error       text
        )
        """,
        "DROP TABLE notifications.deliveries",
    ),
    step(
        "CREATE INDEX deliveries_user_id_idx ON notifications.deliveries (user_id)",
        "DROP INDEX notifications.deliveries_user_id_idx",
    ),
    step(
        "CREATE INDEX deliveries_queued_idx ON notifications.deliveries (queued_at) WHERE status = 'queued'",
        "DROP INDEX notifications.deliveries_queued_idx",
    ),
]
