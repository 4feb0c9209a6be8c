-- UP
CREATE INDEX shop_product_name_idx ON shop_product (lower(name));
