-- Indexes that do not back a primary key, unique or exclusion constraint, on tables and materialized views.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind = 'm' AS on_materialized_view,
       ic.relname AS index_name,
       am.amname::text AS method,
       i.indisunique AS is_unique,
       i.indnkeyatts::int AS key_count,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       pg_get_indexdef(i.indexrelid) LIKE '% NULLS NOT DISTINCT%' AS nulls_not_distinct,
       pg_get_indexdef(i.indexrelid) AS definition,
       obj_description(ic.oid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
