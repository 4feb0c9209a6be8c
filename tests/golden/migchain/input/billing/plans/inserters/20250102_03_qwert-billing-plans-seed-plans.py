"""Seed default billing plans."""
from yoyo import step

__depends__ = {"20250102_01_aplkd-billing-plans-create-plans"}

steps = [
    step(
        """
        insert into billing.plans (name, price_cents, interval)
        values ('free', 0, 'monthly'), ('pro', 1900, 'monthly')
        on conflict (name) do nothing
        """,
        """
        delete from billing.plans where name in ('free', 'pro')
        """,
    ),
]
