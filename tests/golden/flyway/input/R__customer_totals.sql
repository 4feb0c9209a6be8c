CREATE OR REPLACE VIEW ${schema}.customer_totals AS
SELECT c.id, c.name, coalesce(sum(o.total_cents), 0) AS total_cents
FROM ${schema}.customers c
LEFT JOIN ${schema}.orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
