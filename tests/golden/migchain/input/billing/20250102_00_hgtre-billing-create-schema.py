"""Create the billing schema."""
from yoyo import step

steps = [step("CREATE SCHEMA billing", "DROP SCHEMA billing")]
