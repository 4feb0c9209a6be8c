-- Users get an email address.
-- depends: 0001.initial-schema

ALTER TABLE app.users ADD COLUMN email text;
COMMENT ON COLUMN app.users.email IS 'Contact address; may be null for legacy users';
