-- Unique emails, built without locking out sign-ups.
-- depends: 20250101_01_mtpxr-auth-users-create-users
-- transactional: false

CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON auth.users (lower(email));
