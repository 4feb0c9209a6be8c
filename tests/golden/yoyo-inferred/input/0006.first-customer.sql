INSERT INTO customers (email) VALUES ('first@example.com');
