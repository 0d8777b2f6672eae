-- Ordinary and partitioned tables with their options; tables belonging to extensions are left out.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition
            THEN (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid)
                 || ' ' || pg_get_expr(c.relpartbound, c.oid)
       END AS partition_of,
       CASE WHEN NOT c.relispartition
            THEN (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
                  FROM pg_inherits i WHERE i.inhrelid = c.oid)
       END AS inherits,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
