-- Lets the ingest pipeline drop events it replays.
-- depends: 20250301_01_create_events

ALTER TABLE analytics.events ADD COLUMN ingest_id uuid NOT NULL DEFAULT gen_random_uuid();
