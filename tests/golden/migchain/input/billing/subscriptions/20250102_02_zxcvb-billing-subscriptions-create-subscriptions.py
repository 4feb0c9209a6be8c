"""Subscriptions link users to plans."""
from yoyo import step, group

__depends__ = {
    "20250102_01_aplkd-billing-plans-create-plans",
    "20250101_01_mtpxr-auth-users-create-users",
}

steps = [
    group(
        step(
            """
            CREATE TABLE billing.subscriptions (
                user_id uuid NOT NULL REFERENCES auth.users (id),
                plan text NOT NULL REFERENCES billing.plans (name),
                started_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (user_id, plan)
            )
            """,
            "DROP TABLE billing.subscriptions",
        ),
        step(
            "CREATE INDEX subscriptions_plan_idx ON billing.subscriptions (plan)",
            "DROP INDEX billing.subscriptions_plan_idx",
        ),
    ),
]
