DO $a$ BEGIN END $b$;
