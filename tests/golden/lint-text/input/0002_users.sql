-- migc:ignore-file require-statement-timeout
SET lock_timeout = '2s';

CREATE INDEX CONCURRENTLY users_email
    ON users (email);

ALTER TABLE users ADD COLUMN nick text;
-- migc:ignore statement-after-access-exclusive -- a small table
UPDATE users SET nick = email;

-- migc:ignore no-such-rule
UPDATE users SET nick = lower(nick);
