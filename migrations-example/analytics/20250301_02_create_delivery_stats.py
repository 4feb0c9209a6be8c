"""Daily delivery counts per channel, for the notifications dashboard."""
from yoyo import step

__depends__ = {"20250301_00_create_analytics_schema", "20250202_01_create_deliveries"}

steps = [
    step(
        """
        CREATE VIEW analytics.delivery_stats AS
        SELECT date_trunc('day', d.queued_at) AS day,
               d.channel,
               count(*) FILTER (WHERE d.status = 'sent') AS sent,
               count(*) FILTER (WHERE d.status = 'failed') AS failed
        FROM notifications.deliveries AS d
        GROUP BY 1, 2
        """,
        "DROP VIEW analytics.delivery_stats",
    ),
]
