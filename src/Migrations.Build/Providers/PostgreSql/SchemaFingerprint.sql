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
-- include: SchemaFingerprintCommon.sql
stored AS (
    SELECT o.owner, o.rows, o.collides, o.signature, o.columns, o.parent FROM pg_temp.migrations_build_fingerprint_owner o
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
-- The owners that still exist among those read again, with their number of catalog rows (read by the lines part).
owner_rows AS (
    SELECT n.owner, n.rows FROM owner_now n
),
-- include: SchemaFingerprintLines.sql
