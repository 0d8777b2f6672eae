-- Extensions created in this database; the ones every new database has (plpgsql, created by initdb with an
-- OID below FirstNormalObjectId = 16384) are left out.
SELECT e.extname AS extension_name,
       e.extversion AS version,
       n.nspname AS schema_name
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.oid >= 16384
