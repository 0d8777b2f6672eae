-- Comments on objects other than the tables, columns, views and indexes that carry their comment themselves.
-- Objects with an OID below 16384 (FirstNormalObjectId) came with the database and are left out, and so are
-- extensions and their members (their comments come from the extension's script).
SELECT o.type AS object_type,
       o.identity AS object_identity,
       d.description
FROM pg_description d
CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) AS o
WHERE d.objoid >= 16384
  AND d.classoid <> 'pg_extension'::regclass
  AND (o.schema IS NULL OR (o.schema NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                            AND o.schema NOT LIKE 'pg\_temp\_%' AND o.schema NOT LIKE 'pg\_toast\_temp\_%'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend dep
                  WHERE dep.classid = d.classoid AND dep.objid = d.objoid AND dep.deptype = 'e')
  AND NOT (d.classoid = 'pg_class'::regclass AND EXISTS (
      SELECT 1 FROM pg_class c
      WHERE c.oid = d.objoid
        AND (c.relkind IN ('r', 'p')
             OR (c.relkind IN ('v', 'm') AND d.objsubid = 0)
             OR (c.relkind IN ('i', 'I') AND EXISTS (
                    SELECT 1 FROM pg_index i
                    WHERE i.indexrelid = c.oid
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                                      WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                        AND con.contype IN ('p', 'u', 'x')))))))
