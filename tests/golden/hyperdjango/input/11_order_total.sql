-- UP
CREATE VIEW shop_order_total AS
SELECT i.order_id, sum(i.quantity * p.price) AS total
FROM shop_order_item i JOIN shop_product p ON p.id = i.product_id
GROUP BY i.order_id;
-- DOWN
DROP VIEW shop_order_total;
