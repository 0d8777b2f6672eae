-- One md5 over a text of every user object's definition: what Catalog/*.sql reflect, and more. Every value the
-- reflection reads is in this text (through the same or a more complete catalog function), so equal fingerprints
-- imply equal reflected schemas; objects are named, never identified by OID, so a table dropped and created again
-- identically gives the same text. Only objects with an OID >= 16384 (FirstNormalObjectId) are read: everything
-- below came with the database and cannot change, which keeps this far cheaper than the full reflection.
-- search_path is included because it decides how names are qualified in the printed definitions.
-- Cost (measured at 1,800 relations, 3,800 columns, 1,150 constraints, warm backend): about 80 ms, most of it in the
-- engine's deparsing (pg_get_indexdef alone is ~16 us an index) and in printing the row values. Lookups are joins,
-- not per-row subqueries, and the lines are hashed one by one and their hashes sorted: sorting 32-character hashes
-- is cheaper than sorting the long lines, and equal multisets of lines still give equal multisets of hashes.
WITH rel AS (
    SELECT c.oid, c.relkind, c.relname, n.nspname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384
      AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND n.nspname NOT LIKE 'pg\_toast%'
),
line AS (
    -- Each line is a row value's text: NULLs and separators stay unambiguous.
    SELECT ROW('search_path', current_setting('search_path'))::text AS text
    UNION ALL
    SELECT ROW('schema', n.nspname)::text
    FROM pg_namespace n
    WHERE n.oid >= 16384 AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%'
    UNION ALL
    SELECT ROW('extension', e.extname, e.extversion, n.nspname)::text
    FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.oid >= 16384
    UNION ALL
    -- Objects that belong to an extension (the reflection leaves them out).
    SELECT ROW('member', pg_describe_object(d.classid, d.objid, d.objsubid))::text
    FROM pg_depend d
    WHERE d.deptype = 'e' AND d.objid >= 16384
    UNION ALL
    -- Relations with their options and, per kind, the engine's full text of their definition.
    SELECT ROW('relation', r.relkind, r.nspname, r.relname, c.relpersistence, c.relrowsecurity,
               c.relforcerowsecurity, c.reloptions,
               CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, r.oid) END,
               inh.parents,
               CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END,
               CASE WHEN r.relkind IN ('i', 'I') THEN pg_get_indexdef(r.oid) END,
               CASE WHEN s.seqrelid IS NOT NULL THEN
                   ROW(format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                       s.seqcycle)::text END)::text
    FROM rel r
    JOIN pg_class c ON c.oid = r.oid
    LEFT JOIN (SELECT i.inhrelid, string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno) AS parents
               FROM pg_inherits i GROUP BY i.inhrelid) inh ON inh.inhrelid = r.oid
    LEFT JOIN pg_sequence s ON s.seqrelid = r.oid AND r.relkind = 'S'
    UNION ALL
    -- Columns (of tables, views, composite types) in their order; dropped ones are not part of the schema.
    SELECT ROW('columns', r.nspname, r.relname,
               array_agg(ROW(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                             a.attgenerated, pg_get_expr(ad.adbin, ad.adrelid),
                             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END)::text
                         ORDER BY a.attnum))::text
    FROM rel r
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    WHERE r.relkind IN ('r', 'p', 'v', 'm', 'c', 'f')
    GROUP BY r.nspname, r.relname
    UNION ALL
    -- Constraints of tables and domains, as the engine prints them (columns, references, actions, NOT VALID, ...).
    SELECT ROW('constraint', con.contype, con.conname,
               CASE WHEN con.conrelid <> 0 THEN con.conrelid::regclass::text ELSE con.contypid::regtype::text END,
               con.conparentid <> 0, pg_get_constraintdef(con.oid, true))::text
    FROM pg_constraint con
    WHERE con.oid >= 16384
    UNION ALL
    -- Sequences owned by a column (serial, OWNED BY) or by an identity column.
    SELECT ROW('owned', d.deptype, d.objid::regclass::text, d.refobjid::regclass::text, col.attname)::text
    FROM pg_depend d
    JOIN pg_class c ON c.oid = d.objid
    LEFT JOIN pg_attribute col ON col.attrelid = d.refobjid AND col.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.objid >= 16384 AND c.relkind = 'S' AND d.deptype IN ('a', 'i')
    UNION ALL
    -- Types: enums with their labels in order, domains, ranges, base and composite types (columns above). The row
    -- types of tables and views follow their relation.
    SELECT ROW('type', t.typtype, t.oid::regtype::text, format_type(t.typbasetype, t.typtypmod), t.typnotnull,
               t.typdefault, co.collname, en.labels)::text
    FROM pg_type t
    LEFT JOIN pg_collation co ON co.oid = t.typcollation
    LEFT JOIN (SELECT e.enumtypid, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
               FROM pg_enum e GROUP BY e.enumtypid) en ON en.enumtypid = t.oid
    WHERE t.oid >= 16384 AND t.typtype IN ('e', 'd', 'r', 'm', 'b', 'c')
      AND NOT (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))
    UNION ALL
    SELECT ROW('function', p.oid::regprocedure::text, p.prokind,
               CASE WHEN p.prokind = 'a' THEN p.prosrc ELSE pg_get_functiondef(p.oid) END)::text
    FROM pg_proc p
    WHERE p.oid >= 16384
    UNION ALL
    SELECT ROW('trigger', t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid, true))::text
    FROM pg_trigger t
    WHERE t.oid >= 16384 AND NOT t.tgisinternal
    UNION ALL
    SELECT ROW('collation', co.collnamespace::regnamespace::text, co.collname, co.collprovider,
               co.collisdeterministic, co.collcollate, co.collctype)::text
    FROM pg_collation co
    WHERE co.oid >= 16384
    UNION ALL
    SELECT ROW('operator class', opc.opcnamespace::regnamespace::text, opc.opcname, opc.opcmethod,
               opc.opcintype::regtype::text, opc.opcdefault)::text
    FROM pg_opclass opc
    WHERE opc.oid >= 16384
    UNION ALL
    SELECT ROW('comment', o.type, o.identity, d.description)::text
    FROM pg_description d
    CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) AS o
    WHERE d.objoid >= 16384
)
-- count(*) stays the number of lines; the md5s of the lines, in byte order, make the text that is hashed.
SELECT count(*)::text || ' ' || md5(string_agg(hash, '' ORDER BY hash COLLATE "C"))
FROM (SELECT md5(text) AS hash FROM line) hashed
