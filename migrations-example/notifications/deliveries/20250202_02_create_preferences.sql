-- Which channels each user accepts.
-- depends: 20250202_01_create_deliveries

CREATE TABLE notifications.preferences (
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    channel notifications.channel NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    PRIMARY KEY (user_id, channel)
);
