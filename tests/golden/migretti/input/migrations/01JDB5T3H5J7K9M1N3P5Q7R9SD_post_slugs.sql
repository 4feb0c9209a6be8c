-- migration: Post slugs
-- id: 01JDB5T3H5J7K9M1N3P5Q7R9SD

-- migrate: up
ALTER TABLE posts ADD COLUMN slug text;

CREATE FUNCTION posts_set_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.slug := lower(regexp_replace(NEW.title, '[^a-zA-Z0-9]+', '-', 'g'));
    RETURN NEW;
END;
$$;

CREATE TRIGGER posts_slug BEFORE INSERT OR UPDATE OF title ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_set_slug();

-- migrate: down
DROP TRIGGER posts_slug ON posts;
DROP FUNCTION posts_set_slug();
ALTER TABLE posts DROP COLUMN slug;
