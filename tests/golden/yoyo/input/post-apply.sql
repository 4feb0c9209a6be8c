-- Runs after every apply: keep planner statistics fresh.
ANALYZE app.users;
ANALYZE app.orders;
