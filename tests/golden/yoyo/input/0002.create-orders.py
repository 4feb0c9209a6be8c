"""
Orders and their lines.
"""
from yoyo import step

__depends__ = {"0001.initial-schema"}

steps = [
    step(
        """
        CREATE TABLE app.orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES app.users (id),
            placed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "DROP TABLE app.orders",
    ),
    step(
        "CREATE TABLE app.order_lines ("
        " order_id bigint NOT NULL REFERENCES app.orders (id) ON DELETE CASCADE,"
        " sku text NOT NULL,"
        " quantity integer NOT NULL CHECK (quantity > 0))",
        "DROP TABLE app.order_lines",
    ),
]
