"""Create the analytics schema."""
from yoyo import step

steps = [
    step("CREATE SCHEMA analytics", "DROP SCHEMA analytics"),
]
