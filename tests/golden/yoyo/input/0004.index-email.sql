-- Index emails without blocking writes.
-- depends: 0003.add-email
-- transactional: false

CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON app.users (lower(email));
