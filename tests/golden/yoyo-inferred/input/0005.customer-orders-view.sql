CREATE VIEW customer_orders AS
SELECT c.email, count(o.id) AS orders
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.email;
