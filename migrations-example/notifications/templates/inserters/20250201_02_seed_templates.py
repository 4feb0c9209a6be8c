"""Seed the default English e-mail templates."""
from yoyo import step

__depends__ = {"20250201_01_create_templates"}

steps = [
    step(
        """
        INSERT INTO notifications.templates (key, channel, subject, body)
        VALUES ('welcome', 'email', 'Welcome aboard', 'Hello {{name}}, your account is ready.'),
               ('password-reset', 'email', 'Reset your password', 'Follow {{link}} within one hour.'),
               ('invoice-paid', 'email', 'Payment received', 'Thank you: invoice {{number}} is paid.')
        ON CONFLICT (key, channel, locale) DO NOTHING
        """,
        """
        DELETE FROM notifications.templates
        WHERE key IN ('welcome', 'password-reset', 'invoice-paid') AND channel = 'email' AND locale = 'en'
        """,
    ),
]
