-- Built online: the table is large in production.
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON ${schema}.orders (customer_id);
