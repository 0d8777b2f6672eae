ALTER TABLE departments DROP COLUMN due_on;

