ALTER TABLE sessions RENAME COLUMN notes TO description;

