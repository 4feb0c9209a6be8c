"""Monthly revenue per currency, for the finance dashboard."""
from yoyo import step

__depends__ = {"20250301_02_create_delivery_stats"}

steps = [
    step(
        """
        CREATE VIEW analytics.monthly_revenue AS
        SELECT date_trunc('month', i.paid_at) AS month,
               i.currency,
               count(*) AS invoices,
               sum(i.total_cents) AS revenue_cents
        FROM billing.invoices AS i
        WHERE i.status = 'paid'
        GROUP BY 1, 2
        """,
        "DROP VIEW analytics.monthly_revenue",
    ),
]
