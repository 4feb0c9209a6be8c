"""Create the auth schema."""
from yoyo import step

__depends__ = {}

steps = [
    step("CREATE SCHEMA auth", "DROP SCHEMA auth"),
]
