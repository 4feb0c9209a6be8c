"""Invoices issued for a subscription."""
from yoyo import step

__depends__ = {"20250111_01_create_subscriptions"}

steps = [
    step(
        "CREATE TYPE billing.invoice_status AS ENUM ('draft', 'open', 'paid', 'void')",
        "DROP TYPE billing.invoice_status",
    ),
    step(
        """
        CREATE TABLE billing.invoices (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscription_id bigint NOT NULL REFERENCES billing.subscriptions (id),
            number          text NOT NULL UNIQUE,
            status          billing.invoice_status NOT NULL DEFAULT 'draft',
            currency        char(3) NOT NULL,
            total_cents     bigint NOT NULL DEFAULT 0,
            issued_at       timestamptz,
            paid_at         timestamptz,
            CHECK (status <> 'paid' OR paid_at IS NOT NULL)
        )
        """,
        "DROP TABLE billing.invoices",
    ),
    step(
        "CREATE INDEX invoices_subscription_id_idx ON billing.invoices (subscription_id)",
        "DROP INDEX billing.invoices_subscription_id_idx",
    ),
]
