CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TYPE status AS ENUM ('open');
CREATE TABLE tickets (id bigint PRIMARY KEY, s status NOT NULL, note text);
