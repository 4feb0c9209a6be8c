-- Orders, numbered after 3 by natural sort.
  -- Up
CREATE TABLE shop_order (
    id serial PRIMARY KEY,
    placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shop_order_item (
    order_id integer NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES shop_product (id),
    quantity integer NOT NULL DEFAULT 1
);
  -- Down
DROP TABLE shop_order_item;
DROP TABLE shop_order;
