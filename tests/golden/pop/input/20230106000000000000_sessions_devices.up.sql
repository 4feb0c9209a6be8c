ALTER TABLE sessions ADD COLUMN device_ip TEXT;
UPDATE sessions SET active = false WHERE expires_at < now();
