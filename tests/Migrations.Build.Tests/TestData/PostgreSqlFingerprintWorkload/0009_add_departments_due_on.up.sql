ALTER TABLE departments ADD COLUMN due_on date;

