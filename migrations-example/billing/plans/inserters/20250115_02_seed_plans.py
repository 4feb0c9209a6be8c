"""Seed the plans every environment needs."""
from yoyo import step

__depends__ = {"20250115_01_widen_plan_price"}

steps = [
    step(
        """
        INSERT INTO billing.plans (code, name, price_cents, currency, interval)
        VALUES ('free', 'Free', 0, 'EUR', 'monthly'),
               ('pro-monthly', 'Pro', 1900, 'EUR', 'monthly'),
               ('pro-yearly', 'Pro (yearly)', 19000, 'EUR', 'yearly'),
               ('enterprise-yearly', 'Enterprise (yearly)', 2500000000, 'EUR', 'yearly')
        ON CONFLICT (code) DO NOTHING
        """,
        """
        DELETE FROM billing.plans
        WHERE code IN ('free', 'pro-monthly', 'pro-yearly', 'enterprise-yearly')
        """,
    ),
]
