"""Create the notifications schema and the delivery channels."""
from yoyo import step

steps = [
    step("CREATE SCHEMA notifications", "DROP SCHEMA notifications"),
    step(
        "CREATE TYPE notifications.channel AS ENUM ('email', 'sms', 'push')",
        "DROP TYPE notifications.channel",
    ),
]
