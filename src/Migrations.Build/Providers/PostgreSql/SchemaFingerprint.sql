-- The schema fingerprint: the line count and a hash of every user object's definition, read again only for the objects
-- that changed since the previous read. FULL_READ is replaced by true (a full read: every object read again) or false.
--
-- What is hashed: one line per definition (relations with the engine's full text of views, indexes, partition keys
-- and bounds; columns in order; constraints; owned sequences; types with enum labels in order; functions; triggers;
-- schemas; extensions and their members; collations, operator classes; comments), as row values. Everything the
-- reflection reads is in these lines, so equal fingerprints imply equal reflected schemas. Objects are named, never
-- identified by OID, and the line hashes are added up (an order-free sum), so a table dropped and created again
-- identically gives the same fingerprint. Only objects with an OID >= 16384 (FirstNormalObjectId) have lines.
--
-- Incremental read. Every line belongs to an owner (catalog OID << 32 | object OID: a relation owns its columns,
-- defaults, index, view and sequence text; a type its enum labels; every object its comments). Per owner the session
-- keeps, in temporary tables (SchemaFingerprintState.sql), the number of catalog rows read for it and the sum of its
-- line hashes. An owner is read again when:
--   1. one of its catalog rows has an xmin at or after the watermark of the previous read (new or updated since; the
--      watermark is at or before the current transaction's own xid, so rows of an open transaction and of all its
--      subtransactions stay new until a read after it ended); compared modulo 2^32 from the watermark, and a read
--      after more than 2^31 transactions is a full read;
--   2. its number of rows differs (a row deleted, e.g. a comment dropped), it is new, or it is gone;
--   3. it is not a kind whose rows are tracked here (comments on, or extension members of, other kinds);
--   4. it depends (pg_depend) on an owner of 1.-3. whose name as others print it (its signature: qualified name, a
--      relation's column names, an enum's labels) changed or that is gone: the dependent's text prints that name (an
--      index, constraint, view, default, trigger or owned sequence naming a renamed column, table, sequence, function
--      or type). Names pass on to the dependents of a schema's objects and through internal dependencies (array and
--      row types, a constraint and its index, partitions), so those are followed transitively.
-- How a name prints also depends on what else has that name (qualified when it is not the one search_path finds):
-- when an object read again, or gone, has or had a namesake (any schema, system ones included), or an operator,
-- cast, operator class or family, collation, access method, language or text search configuration or dictionary
-- changed, the read is a full read. So it is
-- when a setting that changes printed text changed (search_path, DateStyle, ...), when a temporary object appeared,
-- changed or went (it can hide a name), or when a system object (OID < 16384) changed (a built-in renamed).
-- Because the state is kept in temporary tables, ROLLBACK and ROLLBACK TO SAVEPOINT restore it with the catalogs.
WITH RECURSIVE
previous AS (
    SELECT s.watermark, s.settings, s.temporary_objects, s.lines, s.sum1, s.sum2, s.sum3, s.sum4
    FROM pg_temp.migrations_build_fingerprint_state s
),
present AS (
    SELECT txid_snapshot_xmax(txid_current_snapshot()) AS next_xid,
           least(txid_snapshot_xmax(txid_current_snapshot()), txid_current_if_assigned()) AS watermark,
           md5(concat_ws(E'\n', current_setting('search_path'), current_setting('DateStyle'),
                         current_setting('IntervalStyle'), current_setting('TimeZone'),
                         current_setting('extra_float_digits'), current_setting('bytea_output'),
                         current_setting('quote_all_identifiers'), current_setting('standard_conforming_strings'),
                         current_setting('lc_monetary'), current_setting('lc_numeric')))::uuid AS settings
),
-- age() of the previous watermark: a row is new when age(xmin) <= it (both counted back from the same transaction,
-- modulo 2^32). age() is INT_MAX for bootstrap and frozen rows: old.
since AS (
    SELECT age((p.watermark % 4294967296)::text::xid) AS age FROM previous p WHERE p.watermark IS NOT NULL
),
relation AS (
    SELECT c.oid, c.xmin, c.relkind, c.relname, n.nspname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384
      AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND n.nspname NOT LIKE 'pg\_toast%'
),
-- One row per owner, and one per catalog row that can be deleted while its owner's own rows stay as they were (a
-- comment dropped, NO INHERIT, OWNED BY NONE, a default dropped, ALTER EXTENSION DROP): counted per owner.
owner_now AS (
    SELECT o.owner, count(*)::integer AS rows
    FROM (
        SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint AS owner FROM relation r
        UNION ALL
        SELECT 'pg_constraint'::regclass::oid::bigint << 32 | con.oid::bigint
        FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE con.oid >= 16384 AND n.nspname NOT LIKE 'pg\_temp\_%'
        UNION ALL
        SELECT 'pg_type'::regclass::oid::bigint << 32 | t.oid::bigint
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.oid >= 16384 AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%'
        UNION ALL
        SELECT 'pg_proc'::regclass::oid::bigint << 32 | p.oid::bigint
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.oid >= 16384 AND n.nspname NOT LIKE 'pg\_temp\_%'
        UNION ALL
        SELECT 'pg_trigger'::regclass::oid::bigint << 32 | t.oid::bigint
        FROM pg_trigger t JOIN relation r ON r.oid = t.tgrelid
        WHERE t.oid >= 16384 AND NOT t.tgisinternal
        UNION ALL
        SELECT 'pg_namespace'::regclass::oid::bigint << 32 | n.oid::bigint
        FROM pg_namespace n
        WHERE n.oid >= 16384 AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%'
        UNION ALL
        SELECT 'pg_extension'::regclass::oid::bigint << 32 | e.oid::bigint FROM pg_extension e WHERE e.oid >= 16384
        UNION ALL
        SELECT 'pg_collation'::regclass::oid::bigint << 32 | co.oid::bigint FROM pg_collation co WHERE co.oid >= 16384
        UNION ALL
        SELECT 'pg_opclass'::regclass::oid::bigint << 32 | opc.oid::bigint FROM pg_opclass opc WHERE opc.oid >= 16384
        UNION ALL
        -- Kinds without lines of their own that change how other definitions print: any change is a full read.
        SELECT 'pg_operator'::regclass::oid::bigint << 32 | o.oid::bigint FROM pg_operator o WHERE o.oid >= 16384
        UNION ALL
        SELECT 'pg_opfamily'::regclass::oid::bigint << 32 | f.oid::bigint FROM pg_opfamily f WHERE f.oid >= 16384
        UNION ALL
        SELECT 'pg_cast'::regclass::oid::bigint << 32 | c.oid::bigint FROM pg_cast c WHERE c.oid >= 16384
        UNION ALL
        SELECT 'pg_am'::regclass::oid::bigint << 32 | am.oid::bigint FROM pg_am am WHERE am.oid >= 16384
        UNION ALL
        SELECT 'pg_language'::regclass::oid::bigint << 32 | l.oid::bigint FROM pg_language l
        UNION ALL
        -- Text search configurations and dictionaries print by name in expressions ('english'::regconfig).
        SELECT 'pg_ts_config'::regclass::oid::bigint << 32 | c.oid::bigint FROM pg_ts_config c WHERE c.oid >= 16384
        UNION ALL
        SELECT 'pg_ts_dict'::regclass::oid::bigint << 32 | d.oid::bigint FROM pg_ts_dict d WHERE d.oid >= 16384
        UNION ALL
        SELECT 'pg_class'::regclass::oid::bigint << 32 | ad.adrelid::bigint FROM pg_attrdef ad WHERE ad.adrelid >= 16384
        UNION ALL
        SELECT 'pg_class'::regclass::oid::bigint << 32 | i.inhrelid::bigint FROM pg_inherits i WHERE i.inhrelid >= 16384
        UNION ALL
        -- A sequence's OWNED BY (serial, identity).
        SELECT 'pg_class'::regclass::oid::bigint << 32 | d.objid::bigint
        FROM pg_depend d JOIN relation r ON r.oid = d.objid AND r.relkind = 'S'
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        UNION ALL
        SELECT d.classoid::bigint << 32 | d.objoid::bigint FROM pg_description d WHERE d.objoid >= 16384
        UNION ALL
        SELECT d.classid::bigint << 32 | d.objid::bigint FROM pg_depend d
        WHERE d.deptype = 'e' AND d.objid >= 16384 AND EXISTS (SELECT FROM pg_extension e WHERE e.oid >= 16384)
    ) o
    GROUP BY o.owner
),
-- Owners with a catalog row written since the previous read (the rows each line is printed from).
new_owner AS (
    SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint AS owner
    FROM relation r WHERE age(r.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | a.attrelid::bigint
    FROM pg_attribute a WHERE a.attrelid >= 16384 AND age(a.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | ad.adrelid::bigint
    FROM pg_attrdef ad WHERE age(ad.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | i.indexrelid::bigint
    FROM pg_index i WHERE i.indexrelid >= 16384 AND age(i.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | i.inhrelid::bigint
    FROM pg_inherits i WHERE age(i.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | rw.ev_class::bigint
    FROM pg_rewrite rw WHERE rw.ev_class >= 16384 AND age(rw.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | s.seqrelid::bigint
    FROM pg_sequence s WHERE age(s.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | pt.partrelid::bigint
    FROM pg_partitioned_table pt WHERE age(pt.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_constraint'::regclass::oid::bigint << 32 | con.oid::bigint
    FROM pg_constraint con WHERE con.oid >= 16384 AND age(con.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_type'::regclass::oid::bigint << 32 | t.oid::bigint
    FROM pg_type t WHERE t.oid >= 16384 AND age(t.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_type'::regclass::oid::bigint << 32 | e.enumtypid::bigint
    FROM pg_enum e WHERE age(e.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_proc'::regclass::oid::bigint << 32 | p.oid::bigint
    FROM pg_proc p WHERE p.oid >= 16384 AND age(p.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_trigger'::regclass::oid::bigint << 32 | t.oid::bigint
    FROM pg_trigger t WHERE t.oid >= 16384 AND age(t.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_namespace'::regclass::oid::bigint << 32 | n.oid::bigint
    FROM pg_namespace n WHERE n.oid >= 16384 AND age(n.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_extension'::regclass::oid::bigint << 32 | e.oid::bigint
    FROM pg_extension e WHERE age(e.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_collation'::regclass::oid::bigint << 32 | co.oid::bigint
    FROM pg_collation co WHERE co.oid >= 16384 AND age(co.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_opclass'::regclass::oid::bigint << 32 | opc.oid::bigint
    FROM pg_opclass opc WHERE opc.oid >= 16384 AND age(opc.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_operator'::regclass::oid::bigint << 32 | o.oid::bigint
    FROM pg_operator o WHERE o.oid >= 16384 AND age(o.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_opfamily'::regclass::oid::bigint << 32 | f.oid::bigint
    FROM pg_opfamily f WHERE f.oid >= 16384 AND age(f.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_cast'::regclass::oid::bigint << 32 | c.oid::bigint
    FROM pg_cast c WHERE c.oid >= 16384 AND age(c.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_am'::regclass::oid::bigint << 32 | am.oid::bigint
    FROM pg_am am WHERE am.oid >= 16384 AND age(am.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_language'::regclass::oid::bigint << 32 | l.oid::bigint
    FROM pg_language l WHERE age(l.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_ts_config'::regclass::oid::bigint << 32 | c.oid::bigint
    FROM pg_ts_config c WHERE c.oid >= 16384 AND age(c.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT 'pg_ts_dict'::regclass::oid::bigint << 32 | d.oid::bigint
    FROM pg_ts_dict d WHERE d.oid >= 16384 AND age(d.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT d.classoid::bigint << 32 | d.objoid::bigint
    FROM pg_description d WHERE d.objoid >= 16384 AND age(d.xmin) <= (SELECT age FROM since)
    UNION ALL
    SELECT d.classid::bigint << 32 | d.objid::bigint
    FROM pg_depend d
    WHERE d.deptype = 'e' AND d.objid >= 16384 AND age(d.xmin) <= (SELECT age FROM since)
      AND EXISTS (SELECT FROM pg_extension e WHERE e.oid >= 16384)
),
-- Rows of objects that came with the database: none changes in a normal migration, but a renamed built-in (ALTER
-- FUNCTION lower(text) RENAME ...) changes how every reference to it prints.
system_row AS (
    SELECT FROM pg_class c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_attribute a WHERE a.attrelid < 16384 AND age(a.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_type t WHERE t.oid < 16384 AND age(t.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_proc p WHERE p.oid < 16384 AND age(p.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_namespace n WHERE n.oid < 16384 AND age(n.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_operator o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_opclass o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_opfamily o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_collation co WHERE co.oid < 16384 AND age(co.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_cast c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_am am WHERE am.oid < 16384 AND age(am.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_constraint con WHERE con.oid < 16384 AND age(con.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_rewrite rw WHERE rw.ev_class < 16384 AND age(rw.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_ts_config c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT age FROM since)
    UNION ALL SELECT FROM pg_ts_dict d WHERE d.oid < 16384 AND age(d.xmin) <= (SELECT age FROM since)
),
-- Temporary objects (other than this fingerprint's tables) hide names of the same name for the session.
temporary_row AS (
    SELECT c.xmin FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384 AND n.nspname LIKE 'pg\_temp\_%' AND c.relname NOT LIKE 'migrations\_build\_fingerprint\_%'
    UNION ALL
    SELECT t.xmin FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.oid >= 16384 AND n.nspname LIKE 'pg\_temp\_%' AND t.typname NOT LIKE 'migrations\_build\_fingerprint\_%'
      AND t.typname NOT LIKE '\_migrations\_build\_fingerprint\_%'
    UNION ALL
    SELECT p.xmin FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.oid >= 16384 AND n.nspname LIKE 'pg\_temp\_%' AND p.proname NOT LIKE 'migrations\_build\_fingerprint\_%'
),
stored AS (
    SELECT o.owner, o.rows, o.collides, o.signature, o.columns FROM pg_temp.migrations_build_fingerprint_owner o
),
-- A full read unless the previous read and nothing global changed since.
whole AS (
    SELECT FULL_READ
        OR p.watermark IS NULL
        OR p.settings IS DISTINCT FROM n.settings
        OR n.next_xid - p.watermark >= 2147483648
        OR p.temporary_objects <> (SELECT count(*) FROM temporary_row)
        OR EXISTS (SELECT FROM temporary_row t WHERE age(t.xmin) <= (SELECT age FROM since))
        OR EXISTS (SELECT FROM system_row)
        AS yes
    FROM present n LEFT JOIN previous p ON true
),
-- Owners changed since the previous read (1.-3. above).
seed AS (
    SELECT o.owner FROM new_owner o WHERE NOT (SELECT yes FROM whole)
    UNION
    SELECT coalesce(n.owner, s.owner)
    FROM owner_now n
    FULL JOIN stored s ON s.owner = n.owner
    WHERE NOT (SELECT yes FROM whole)
      AND (n.rows IS DISTINCT FROM s.rows
           OR (coalesce(n.owner, s.owner) >> 32)::oid NOT IN (
               'pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass, 'pg_constraint'::regclass,
               'pg_trigger'::regclass, 'pg_namespace'::regclass, 'pg_extension'::regclass, 'pg_collation'::regclass,
               'pg_opclass'::regclass, 'pg_operator'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass,
               'pg_am'::regclass, 'pg_language'::regclass, 'pg_ts_config'::regclass, 'pg_ts_dict'::regclass))
),
-- 4. above: dependents of objects whose name may have changed; carries_name: the object's own printed name may have
-- changed too (a seed, an object of a changed schema, an internal part of such an object), so its dependents are
-- read again as well.
-- A seed passes its name on unless it is new (nothing older refers to it) or its signature
-- (migrations_build_fingerprint_signature in SchemaFingerprintState.sql, over the columns it had then) is the same as
-- at the previous read (a column added, a default changed: only the seed itself prints differently).
seed_name AS (
    SELECT s.owner,
           st.owner IS NOT NULL
           AND (n.owner IS NULL OR st.signature IS NULL
                OR st.signature IS DISTINCT FROM (
                    SELECT g.signature FROM pg_temp.migrations_build_fingerprint_signature(s.owner, st.columns) g))
               AS carries_name
    FROM seed s
    LEFT JOIN stored st ON st.owner = s.owner
    LEFT JOIN owner_now n ON n.owner = s.owner
),
affected (classid, objid, carries_name) AS (
    SELECT (s.owner >> 32)::oid, (s.owner & 4294967295)::oid, s.carries_name FROM seed_name s
    UNION
    SELECT e.classid, e.objid, a.carries_name AND (e.part OR e.refclassid = 'pg_namespace'::regclass)
    FROM affected a
    CROSS JOIN LATERAL (
        SELECT d.classid, d.objid, d.refclassid, d.deptype IN ('i', 'P', 'S') AS part
        FROM pg_depend d
        WHERE d.refclassid = a.classid AND d.refobjid = a.objid
        UNION ALL
        SELECT d.refclassid, d.refobjid, d.refclassid, true
        FROM pg_depend d
        WHERE d.classid = a.classid AND d.objid = a.objid AND d.deptype IN ('i', 'P', 'S')
    ) e
    -- Parts of one object (a constraint and its index, a type and its array type, a partition's index) are read
    -- together, whether or not a name passed on to them.
    WHERE a.carries_name OR e.part
),
-- A default's or a view rule's text belongs to its relation.
affected_owner AS (
    SELECT DISTINCT CASE a.classid
               WHEN 'pg_attrdef'::regclass THEN 'pg_class'::regclass::oid::bigint << 32 | ad.adrelid::bigint
               WHEN 'pg_rewrite'::regclass THEN 'pg_class'::regclass::oid::bigint << 32 | rw.ev_class::bigint
               ELSE a.classid::bigint << 32 | a.objid::bigint
           END AS owner
    FROM affected a
    LEFT JOIN pg_attrdef ad ON a.classid = 'pg_attrdef'::regclass AND ad.oid = a.objid
    LEFT JOIN pg_rewrite rw ON a.classid = 'pg_rewrite'::regclass AND rw.oid = a.objid
),
-- The owners to read: all of them in a full read.
todo AS (
    SELECT o.owner, (o.owner >> 32)::oid AS classid, (o.owner & 4294967295)::oid AS objid
    FROM (SELECT n.owner FROM owner_now n WHERE (SELECT yes FROM whole)
          UNION ALL
          SELECT a.owner FROM affected_owner a) o
),
todo_relation AS (
    SELECT r.* FROM todo t JOIN relation r ON r.oid = t.objid WHERE t.classid = 'pg_class'::regclass
),
-- Whether another object has the owner's name (then references to either may print qualified or not).
namesake AS (
    SELECT t.owner,
           CASE t.classid
               WHEN 'pg_class'::regclass THEN EXISTS (
                   SELECT FROM pg_class x
                   WHERE x.relname = (SELECT c.relname FROM pg_class c WHERE c.oid = t.objid) AND x.oid <> t.objid)
                 OR EXISTS (
                   SELECT FROM pg_type x
                   WHERE x.typname = (SELECT c.relname FROM pg_class c WHERE c.oid = t.objid)
                     AND x.typnamespace <> (SELECT c.relnamespace FROM pg_class c WHERE c.oid = t.objid))
               WHEN 'pg_type'::regclass THEN EXISTS (
                   SELECT FROM pg_type x
                   WHERE x.typname = (SELECT c.typname FROM pg_type c WHERE c.oid = t.objid) AND x.oid <> t.objid)
                 OR EXISTS (
                   SELECT FROM pg_class x
                   WHERE x.relname = (SELECT c.typname FROM pg_type c WHERE c.oid = t.objid)
                     AND x.relnamespace <> (SELECT c.typnamespace FROM pg_type c WHERE c.oid = t.objid))
               WHEN 'pg_proc'::regclass THEN EXISTS (
                   SELECT FROM pg_proc x
                   WHERE x.proname = (SELECT c.proname FROM pg_proc c WHERE c.oid = t.objid) AND x.oid <> t.objid)
               ELSE t.classid NOT IN (
                   'pg_constraint'::regclass, 'pg_trigger'::regclass, 'pg_namespace'::regclass,
                   'pg_extension'::regclass, 'pg_description'::regclass)
           END AS collides
    FROM todo t
),
-- Read again as a full read when a name that is read again or gone has, or had, a namesake.
decision AS (
    SELECT (SELECT yes FROM whole)
        OR EXISTS (SELECT FROM namesake s WHERE s.collides)
        OR EXISTS (SELECT FROM todo t JOIN stored s ON s.owner = t.owner WHERE s.collides)
        AS whole
),
line (owner, text) AS (
    SELECT NULL::bigint, NULL::text WHERE false
    UNION ALL
    SELECT 'pg_namespace'::regclass::oid::bigint << 32 | n.oid::bigint, ROW('schema', n.nspname)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_namespace n
                        WHERE n.oid = t.objid AND t.classid = 'pg_namespace'::regclass OFFSET 0) n
    UNION ALL
    SELECT t.owner, ROW('extension', e.extname, e.extversion, n.nspname)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_extension e
                        WHERE e.oid = t.objid AND t.classid = 'pg_extension'::regclass OFFSET 0) e
    JOIN pg_namespace n ON n.oid = e.extnamespace
    UNION ALL
    -- Objects that belong to an extension (the reflection leaves them out).
    SELECT t.owner, ROW('member', pg_describe_object(d.classid, d.objid, d.objsubid))::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_depend d
                        WHERE d.classid = t.classid AND d.objid = t.objid AND d.deptype = 'e' AND d.objid >= 16384
                        OFFSET 0) d  -- OFFSET 0: an index lookup per owner, not a join over the whole catalog
    UNION ALL
    -- Relations with their options and, per kind, the engine's full text of their definition.
    SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint,
           ROW('relation', r.relkind, r.nspname, r.relname, c.relpersistence, c.relrowsecurity,
               c.relforcerowsecurity, c.reloptions,
               CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, r.oid) END,
               (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
                FROM pg_inherits i WHERE i.inhrelid = r.oid),
               CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END,
               CASE WHEN r.relkind IN ('i', 'I') THEN pg_get_indexdef(r.oid) END,
               CASE WHEN s.seqrelid IS NOT NULL THEN
                   ROW(format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                       s.seqcycle)::text END)::text
    FROM todo_relation r
    CROSS JOIN LATERAL (SELECT * FROM pg_class c WHERE c.oid = r.oid OFFSET 0) c
    LEFT JOIN LATERAL (SELECT * FROM pg_sequence s WHERE s.seqrelid = r.oid AND r.relkind = 'S' OFFSET 0) s ON true
    UNION ALL
    -- Columns (of tables, views, composite types) in their order; dropped ones are not part of the schema.
    SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint,
           ROW('columns', r.nspname, r.relname,
               (SELECT array_agg(ROW(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                                     a.attgenerated, pg_get_expr(ad.adbin, ad.adrelid),
                                     CASE WHEN a.attcollation <> ty.typcollation THEN co.collname END)::text
                                 ORDER BY a.attnum)
                FROM pg_attribute a
                JOIN pg_type ty ON ty.oid = a.atttypid
                LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                LEFT JOIN pg_collation co ON co.oid = a.attcollation
                WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped))::text
    FROM todo_relation r
    WHERE r.relkind IN ('r', 'p', 'v', 'm', 'c', 'f')
    UNION ALL
    -- Constraints of tables and domains, as the engine prints them (columns, references, actions, NOT VALID, ...).
    SELECT t.owner,
           ROW('constraint', con.contype, con.conname,
               CASE WHEN con.conrelid <> 0 THEN con.conrelid::regclass::text ELSE con.contypid::regtype::text END,
               con.conparentid <> 0, pg_get_constraintdef(con.oid, true))::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_constraint con
                        WHERE con.oid = t.objid AND t.classid = 'pg_constraint'::regclass OFFSET 0) con
    UNION ALL
    -- Sequences owned by a column (serial, OWNED BY) or by an identity column.
    SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint,
           ROW('owned', d.deptype, d.objid::regclass::text, d.refobjid::regclass::text, col.attname)::text
    FROM todo_relation r
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = r.oid
    LEFT JOIN pg_attribute col ON col.attrelid = d.refobjid AND col.attnum = d.refobjsubid
    WHERE r.relkind = 'S' AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    UNION ALL
    -- Types: enums with their labels in order, domains, ranges, base and composite types (columns above). The row
    -- types of tables and views follow their relation.
    SELECT t.owner,
           ROW('type', ty.typtype, ty.oid::regtype::text, format_type(ty.typbasetype, ty.typtypmod), ty.typnotnull,
               ty.typdefault, (SELECT co.collname FROM pg_collation co WHERE co.oid = ty.typcollation),
               (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = ty.oid))::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_type ty
                        WHERE ty.oid = t.objid AND t.classid = 'pg_type'::regclass OFFSET 0) ty
    WHERE ty.typtype IN ('e', 'd', 'r', 'm', 'b', 'c')
      AND NOT (ty.typtype = 'c' AND EXISTS (SELECT FROM pg_class c WHERE c.oid = ty.typrelid AND c.relkind <> 'c'))
    UNION ALL
    SELECT t.owner,
           ROW('function', p.oid::regprocedure::text, p.prokind,
               CASE WHEN p.prokind = 'a' THEN p.prosrc ELSE pg_get_functiondef(p.oid) END)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_proc p
                        WHERE p.oid = t.objid AND t.classid = 'pg_proc'::regclass OFFSET 0) p
    UNION ALL
    SELECT t.owner, ROW('trigger', tg.tgrelid::regclass::text, tg.tgname, pg_get_triggerdef(tg.oid, true))::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_trigger tg
                        WHERE tg.oid = t.objid AND t.classid = 'pg_trigger'::regclass OFFSET 0) tg
    WHERE NOT tg.tgisinternal
    UNION ALL
    SELECT t.owner, ROW('collation', co.collnamespace::regnamespace::text, co.collname, co.collprovider,
                        co.collisdeterministic, co.collcollate, co.collctype)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_collation co
                        WHERE co.oid = t.objid AND t.classid = 'pg_collation'::regclass OFFSET 0) co
    UNION ALL
    SELECT t.owner, ROW('operator class', opc.opcnamespace::regnamespace::text, opc.opcname, opc.opcmethod,
                        opc.opcintype::regtype::text, opc.opcdefault)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_opclass opc
                        WHERE opc.oid = t.objid AND t.classid = 'pg_opclass'::regclass OFFSET 0) opc
    UNION ALL
    SELECT t.owner, ROW('comment', o.type, o.identity, d.description)::text
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_description d WHERE d.objoid = t.objid AND d.classoid = t.classid OFFSET 0) d
    CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) AS o
),
-- Each line's md5 in four 32-bit parts, added up per owner.
line_sum AS (
    SELECT l.owner, count(*)::integer AS lines,
           sum(('x' || substr(l.hash, 1, 8))::bit(32)::bigint & 4294967295)::bigint AS sum1,
           sum(('x' || substr(l.hash, 9, 8))::bit(32)::bigint & 4294967295)::bigint AS sum2,
           sum(('x' || substr(l.hash, 17, 8))::bit(32)::bigint & 4294967295)::bigint AS sum3,
           sum(('x' || substr(l.hash, 25, 8))::bit(32)::bigint & 4294967295)::bigint AS sum4
    FROM (SELECT owner, md5(text) AS hash FROM line) l
    GROUP BY l.owner
),
fresh AS (
    SELECT n.owner, n.rows, s.collides, g.signature, g.columns, coalesce(l.lines, 0) AS lines,
           coalesce(l.sum1, 0) AS sum1, coalesce(l.sum2, 0) AS sum2, coalesce(l.sum3, 0) AS sum3,
           coalesce(l.sum4, 0) AS sum4
    FROM (SELECT DISTINCT owner FROM todo) t
    JOIN owner_now n ON n.owner = t.owner
    JOIN namesake s ON s.owner = t.owner
    LEFT JOIN LATERAL pg_temp.migrations_build_fingerprint_signature(t.owner, NULL) g ON true
    LEFT JOIN line_sum l ON l.owner = t.owner
),
removed_all AS (
    DELETE FROM pg_temp.migrations_build_fingerprint_owner o
    WHERE (SELECT yes FROM whole)
    RETURNING o.lines, o.sum1, o.sum2, o.sum3, o.sum4
),
removed_some AS (
    DELETE FROM pg_temp.migrations_build_fingerprint_owner o
    USING (SELECT DISTINCT owner FROM todo) t
    WHERE NOT (SELECT yes FROM whole) AND o.owner = t.owner
    RETURNING o.lines, o.sum1, o.sum2, o.sum3, o.sum4
),
removed AS (
    SELECT * FROM removed_all UNION ALL SELECT * FROM removed_some
),
added AS (
    INSERT INTO pg_temp.migrations_build_fingerprint_owner
        (owner, rows, collides, signature, columns, lines, sum1, sum2, sum3, sum4)
    SELECT f.owner, f.rows, f.collides, f.signature, f.columns, f.lines, f.sum1, f.sum2, f.sum3, f.sum4 FROM fresh f
    RETURNING lines, sum1, sum2, sum3, sum4
),
saved AS (
    UPDATE pg_temp.migrations_build_fingerprint_state s
    SET watermark = CASE WHEN d.whole AND NOT w.yes THEN NULL ELSE n.watermark END,
        settings = n.settings,
        temporary_objects = (SELECT count(*) FROM temporary_row),
        lines = CASE WHEN w.yes THEN 0 ELSE s.lines - r.lines END + a.lines,
        sum1 = CASE WHEN w.yes THEN 0 ELSE s.sum1 - r.sum1 END + a.sum1,
        sum2 = CASE WHEN w.yes THEN 0 ELSE s.sum2 - r.sum2 END + a.sum2,
        sum3 = CASE WHEN w.yes THEN 0 ELSE s.sum3 - r.sum3 END + a.sum3,
        sum4 = CASE WHEN w.yes THEN 0 ELSE s.sum4 - r.sum4 END + a.sum4
    FROM present n, whole w, decision d,
         (SELECT coalesce(sum(lines), 0)::bigint AS lines, coalesce(sum(sum1), 0)::bigint AS sum1,
                 coalesce(sum(sum2), 0)::bigint AS sum2, coalesce(sum(sum3), 0)::bigint AS sum3,
                 coalesce(sum(sum4), 0)::bigint AS sum4 FROM removed) r,
         (SELECT coalesce(sum(lines), 0)::bigint AS lines, coalesce(sum(sum1), 0)::bigint AS sum1,
                 coalesce(sum(sum2), 0)::bigint AS sum2, coalesce(sum(sum3), 0)::bigint AS sum3,
                 coalesce(sum(sum4), 0)::bigint AS sum4 FROM added) a
    RETURNING s.lines, s.sum1, s.sum2, s.sum3, s.sum4, s.watermark
)
-- The line count (plus search_path's line) and an md5 of the sums and search_path; whether the read found a namesake
-- and must be repeated as a full read (the client does so); whether it was a full read.
SELECT (s.lines + 1)::text || ' '
           || md5(concat_ws(' ', s.sum1, s.sum2, s.sum3, s.sum4, current_setting('search_path'))),
       (SELECT whole FROM decision) AND NOT (SELECT yes FROM whole) AS repeat,
       (SELECT yes FROM whole) AS whole
FROM saved s
