DROP TABLE notifications.preferences;
