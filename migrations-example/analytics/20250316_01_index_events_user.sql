-- Per-user event timelines. analytics.events is too big to lock while the
-- index builds, so it is built CONCURRENTLY, which cannot run in a transaction.
-- transactional: false
-- depends: 20250315_01_add_event_ingest_id

CREATE INDEX CONCURRENTLY events_user_id_occurred_at_idx
    ON analytics.events (user_id, occurred_at DESC);
