DROP INDEX CONCURRENTLY auth.users_email_key;
