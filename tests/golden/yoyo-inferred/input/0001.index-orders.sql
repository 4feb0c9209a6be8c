-- The files of this project sort in the wrong order and declare nothing:
-- migc infers every dependency from the SQL.
CREATE INDEX orders_customer_idx ON orders (customer_id);
