"""Create billing.plans."""
from yoyo import step

__depends__ = {"20250102_00_hgtre-billing-create-schema"}

steps = [
    step(
        """
        CREATE TABLE billing.plans (
            name text PRIMARY KEY,
            price_cents integer NOT NULL CHECK (price_cents >= 0),
            interval text NOT NULL
        )
        """,
        "DROP TABLE billing.plans",
    ),
]
