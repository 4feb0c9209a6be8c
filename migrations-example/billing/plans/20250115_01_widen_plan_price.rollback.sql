-- Fails if a price no longer fits in an integer, which is the point of the migration.
ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE integer;
