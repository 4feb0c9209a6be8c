"""Backfill display names from the local part of the e-mail address.

Irreversible data migration: it has no rollback step.
"""
from yoyo import step

__depends__ = {"20250401_01_drop_legacy_password"}

steps = [
    step("UPDATE auth.users SET display_name = split_part(email, '@', 1)"),
]
