"""Plans a customer can subscribe to."""
from yoyo import step

__depends__ = {"20250110_00_create_billing_schema"}

steps = [
    step(
        "CREATE TYPE billing.billing_interval AS ENUM ('monthly', 'yearly')",
        "DROP TYPE billing.billing_interval",
    ),
    step(
        """
        CREATE TABLE billing.plans (
            id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code        text NOT NULL UNIQUE,
            name        text NOT NULL,
            price_cents integer NOT NULL CHECK (price_cents >= 0),
            currency    char(3) NOT NULL DEFAULT 'EUR',
            interval    billing.billing_interval NOT NULL,
            active      boolean NOT NULL DEFAULT true,
            created_at  timestamptz NOT NULL DEFAULT now()
        )
        """,
        "DROP TABLE billing.plans",
    ),
]
