-- Every account has moved to password_hash: remove the old MD5 column.
-- depends: 20250108_01_create_password_resets

ALTER TABLE auth.users DROP COLUMN legacy_password_md5;
