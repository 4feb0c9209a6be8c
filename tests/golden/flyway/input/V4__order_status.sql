CREATE TYPE ${schema}.order_status AS ENUM ('pending', 'paid', 'shipped');
ALTER TABLE ${schema}.orders ADD COLUMN status ${schema}.order_status NOT NULL DEFAULT 'pending';
COMMENT ON COLUMN ${schema}.orders.status IS 'set by ${flyway:filename}';
