CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
