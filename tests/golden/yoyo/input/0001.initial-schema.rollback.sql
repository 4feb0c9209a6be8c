DROP TABLE app.users;
DROP SCHEMA app;
