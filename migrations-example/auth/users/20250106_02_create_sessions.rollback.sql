DROP TABLE auth.sessions;
