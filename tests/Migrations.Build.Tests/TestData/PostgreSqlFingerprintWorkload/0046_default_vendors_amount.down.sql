ALTER TABLE categories RENAME COLUMN view_count_2 TO size_bytes;

ALTER TABLE vendors ALTER COLUMN amount DROP DEFAULT;

