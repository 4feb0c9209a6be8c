'''Order status, with a check on SKU codes.'''
from yoyo import step, transaction

__depends__ = "0002.create-orders"
__transactional__ = True

steps = [
    transaction(
        step("CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped')",
             "DROP TYPE app.order_status"),
        step("ALTER TABLE app.orders ADD COLUMN status app.order_status NOT NULL DEFAULT 'new'",
             "ALTER TABLE app.orders DROP COLUMN status"),
    ),
    step(r"ALTER TABLE app.order_lines ADD CONSTRAINT sku_format CHECK (sku ~ '^[A-Z]{3}-\d{4}$')",
         'ALTER TABLE app.order_lines DROP CONSTRAINT sku_format'),
]
