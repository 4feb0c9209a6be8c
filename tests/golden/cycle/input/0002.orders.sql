-- depends: 0001.users
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
