ALTER TABLE currencies ALTER COLUMN attributes SET NOT NULL;

