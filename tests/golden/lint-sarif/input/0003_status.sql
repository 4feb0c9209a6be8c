ALTER TYPE status ADD VALUE 'closed';
UPDATE tickets SET s = 'closed' WHERE note = 'done';
