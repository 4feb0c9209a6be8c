"""Subscriptions: which user pays for which plan."""
from yoyo import step

__depends__ = {"20250110_01_create_plans", "20250106_01_create_users"}

steps = [
    step(
        """
        CREATE TABLE billing.subscriptions (
            id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id            uuid NOT NULL REFERENCES auth.users (id),
            plan_id            integer NOT NULL REFERENCES billing.plans (id),
            status             text NOT NULL DEFAULT 'trialing'
                               CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
            started_at         timestamptz NOT NULL DEFAULT now(),
            current_period_end timestamptz NOT NULL,
            canceled_at        timestamptz
        )
        """,
        "DROP TABLE billing.subscriptions",
    ),
    step(
        "CREATE INDEX subscriptions_plan_id_idx ON billing.subscriptions (plan_id)",
        "DROP INDEX billing.subscriptions_plan_id_idx",
    ),
    step(
        """
        CREATE UNIQUE INDEX subscriptions_one_live_per_user
            ON billing.subscriptions (user_id) WHERE status <> 'canceled'
        """,
        "DROP INDEX billing.subscriptions_one_live_per_user",
    ),
]
