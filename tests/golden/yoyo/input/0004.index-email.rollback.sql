DROP INDEX CONCURRENTLY app.users_email_key;
