-- Archiving cannot be told apart from a user's own choice: nothing to undo.
SELECT 1;
