DROP TABLE auth.password_resets;
