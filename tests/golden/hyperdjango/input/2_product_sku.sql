/* Products get a stock-keeping unit. */
-- up
ALTER TABLE shop_product ADD COLUMN sku varchar(32);
UPDATE shop_product SET sku = 'P' || id WHERE sku IS NULL;
ALTER TABLE shop_product ALTER COLUMN sku SET NOT NULL;
-- down
ALTER TABLE shop_product DROP COLUMN sku;
