-- Product events: the biggest table of the database.
-- depends: 20250301_00_create_analytics_schema 20250106_01_create_users

CREATE TABLE analytics.events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid REFERENCES auth.users (id) ON DELETE SET NULL,
    name        text NOT NULL,
    properties  jsonb NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_occurred_at_idx ON analytics.events USING brin (occurred_at);
