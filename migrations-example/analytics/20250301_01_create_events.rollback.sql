DROP TABLE analytics.events;
