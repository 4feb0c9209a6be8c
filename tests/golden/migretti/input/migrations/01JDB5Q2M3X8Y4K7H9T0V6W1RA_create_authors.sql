-- migration: Create authors
-- id: 01JDB5Q2M3X8Y4K7H9T0V6W1RA

-- migrate: up
CREATE TABLE authors (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    bio text
);

-- migrate: down
DROP TABLE authors;
