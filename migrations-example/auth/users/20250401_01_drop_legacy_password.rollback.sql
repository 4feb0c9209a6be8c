-- Brings the column back empty: the dropped hashes are gone.
ALTER TABLE auth.users ADD COLUMN legacy_password_md5 text;
