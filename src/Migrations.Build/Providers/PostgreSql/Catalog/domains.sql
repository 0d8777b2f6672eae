-- Domains as one line: base type, collation, default, NOT NULL and named constraints (sorted by name).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       format_type(t.typbasetype, t.typtypmod)
       || CASE WHEN t.typcollation <> base.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END
       || CASE WHEN t.typdefault IS NOT NULL THEN ' DEFAULT ' || t.typdefault ELSE '' END
       || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
       || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid, true),
                                      '' ORDER BY con.conname)
                    FROM pg_constraint con
                    WHERE con.contypid = t.oid), '') AS definition
FROM pg_type t
JOIN pg_type base ON base.oid = t.typbasetype
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_collation co ON co.oid = t.typcollation
WHERE t.typtype = 'd'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
