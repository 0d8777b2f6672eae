ALTER TABLE ghosts RENAME TO spooks;
