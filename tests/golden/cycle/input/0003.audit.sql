-- depends: 0002.orders
CREATE TABLE audit (order_id bigint REFERENCES orders (id));
