-- Enterprise plans cost more than 2^31 cents: widen the price column.
-- depends: 20250112_02_create_invoice_lines

ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE bigint;
