INSERT INTO posts (author_id, title, body, published_at)
SELECT id, 'Welcome', 'Hello, world.', now() FROM authors WHERE name = 'Ada';
