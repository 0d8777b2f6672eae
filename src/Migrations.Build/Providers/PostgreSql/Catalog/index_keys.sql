-- Every key and INCLUDE column of the indexes in indexes.sql, in position order. pg_get_indexdef(oid, k, true)
-- prints the column name or the expression alone; ordering, collation and operator class come from pg_index.
-- indoption bit 1 = DESC, bit 2 = NULLS FIRST. A collation or operator class is reported only when it is not
-- the default one (the column's collation; the type's default operator class).
SELECT n.nspname AS schema_name,
       ic.relname AS index_name,
       k.position,
       pg_get_indexdef(i.indexrelid, k.position, true) AS expression,
       i.indkey[k.position - 1] = 0 AS is_expression,
       COALESCE((i.indoption[k.position - 1] & 1) <> 0, false) AS descending,
       COALESCE((i.indoption[k.position - 1] & 2) <> 0, false) AS nulls_first,
       CASE WHEN i.indcollation[k.position - 1] <> 0
             AND i.indcollation[k.position - 1] <> COALESCE(a.attcollation, 100)
            THEN co.collname::text END AS collation_name,
       CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END AS operator_class
FROM pg_index i
CROSS JOIN LATERAL generate_series(1, i.indnatts::int) AS k(position)
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.position - 1] AND a.attnum > 0
LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.position - 1]
LEFT JOIN pg_collation co ON co.oid = i.indcollation[k.position - 1]
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
ORDER BY n.nspname, ic.relname, k.position
