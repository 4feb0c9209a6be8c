ALTER TABLE analytics.events DROP COLUMN ingest_id;
