ALTER TABLE sessions RENAME COLUMN description TO notes;

