INSERT INTO authors (name, bio) VALUES ('Ada', 'First author') ON CONFLICT DO NOTHING;
