-- The scanned schema fingerprint: pg_temp.migrations_build_fingerprint_scanned(p_full) prints again only the objects
-- whose catalog rows changed since the previous read (and what prints their names, Reread.sql), found by scanning the
-- catalogs' xmins; for a role that may not install event triggers. With p_full every object is printed again. Runs in
-- psql on its own; reads need State.sql and Reread.sql:
--   psql -f State.sql -f Reread.sql -f Scanned.sql -c 'SELECT * FROM pg_temp.migrations_build_fingerprint_scanned(false)'
--
-- An owner (State.sql) is a seed when:
--   1. one of its catalog rows has an xmin at or after the watermark of the previous read (new or updated since);
--      compared modulo 2^32 from the watermark, and a read after more than 2^31 transactions is a full read;
--   2. its number of rows differs (a row deleted, e.g. a comment dropped), it is new, or it is gone;
--   3. it is not a kind whose rows are tracked here (comments on, or extension members of, other kinds).
-- A read is a full read when it is the first, when a setting that changes printed text changed (search_path,
-- DateStyle, ...), when a temporary object appeared, changed or went (it can hide a name), or when a system object
-- (OID < 16384) changed (a built-in renamed); and (Reread.sql) when an owner read again, or gone, has or had a
-- namesake. An operator, cast, operator class or family, collation, access method, language or text search
-- configuration or dictionary that changed is a seed of a kind Reread.sql treats as having a namesake: a full read.
-- Planned once a session (plan_cache_mode = force_generic_plan), with the server's default planner settings: the
-- scans of the catalogs' xmins read every row anyway.
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_scanned(p_full boolean)
RETURNS TABLE (fingerprint_text text, repeat_read boolean, full_read boolean)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $scanned$
DECLARE
    v_owners bigint[];
    v_rows integer[];
BEGIN
SELECT coalesce(array_agg(o.owner), '{}'), coalesce(array_agg(o.rows), '{}') INTO v_owners, v_rows
FROM pg_temp.migrations_build_fingerprint_owners_now() o;
RETURN QUERY
WITH
-- The clock of State.sql, and the relations that have lines.
clock AS (
    SELECT * FROM pg_temp.migrations_build_fingerprint_since()
),
relation AS (
    SELECT c.oid, c.xmin
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384
      AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND n.nspname NOT LIKE 'pg\_toast%'
),
stored AS (
    SELECT o.owner, o.rows, o.collides, o.signature, o.columns, o.parent FROM pg_temp.migrations_build_fingerprint_owner o
),
-- Owners with a catalog row written since the previous read (the rows each line is printed from).
new_owner AS (
    SELECT 'pg_class'::regclass::oid::bigint << 32 | r.oid::bigint AS owner
    FROM relation r WHERE age(r.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | a.attrelid::bigint
    FROM pg_attribute a WHERE a.attrelid >= 16384 AND age(a.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | ad.adrelid::bigint
    FROM pg_attrdef ad WHERE age(ad.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | i.indexrelid::bigint
    FROM pg_index i WHERE i.indexrelid >= 16384 AND age(i.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | i.inhrelid::bigint
    FROM pg_inherits i WHERE age(i.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | rw.ev_class::bigint
    FROM pg_rewrite rw WHERE rw.ev_class >= 16384 AND age(rw.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | s.seqrelid::bigint
    FROM pg_sequence s WHERE age(s.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_class'::regclass::oid::bigint << 32 | pt.partrelid::bigint
    FROM pg_partitioned_table pt WHERE age(pt.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_constraint'::regclass::oid::bigint << 32 | con.oid::bigint
    FROM pg_constraint con WHERE con.oid >= 16384 AND age(con.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_type'::regclass::oid::bigint << 32 | t.oid::bigint
    FROM pg_type t WHERE t.oid >= 16384 AND age(t.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_type'::regclass::oid::bigint << 32 | e.enumtypid::bigint
    FROM pg_enum e WHERE age(e.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_proc'::regclass::oid::bigint << 32 | p.oid::bigint
    FROM pg_proc p WHERE p.oid >= 16384 AND age(p.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_trigger'::regclass::oid::bigint << 32 | t.oid::bigint
    FROM pg_trigger t WHERE t.oid >= 16384 AND age(t.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_namespace'::regclass::oid::bigint << 32 | n.oid::bigint
    FROM pg_namespace n WHERE n.oid >= 16384 AND age(n.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_extension'::regclass::oid::bigint << 32 | e.oid::bigint
    FROM pg_extension e WHERE age(e.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_collation'::regclass::oid::bigint << 32 | co.oid::bigint
    FROM pg_collation co WHERE co.oid >= 16384 AND age(co.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_opclass'::regclass::oid::bigint << 32 | opc.oid::bigint
    FROM pg_opclass opc WHERE opc.oid >= 16384 AND age(opc.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_operator'::regclass::oid::bigint << 32 | o.oid::bigint
    FROM pg_operator o WHERE o.oid >= 16384 AND age(o.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_opfamily'::regclass::oid::bigint << 32 | f.oid::bigint
    FROM pg_opfamily f WHERE f.oid >= 16384 AND age(f.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_cast'::regclass::oid::bigint << 32 | c.oid::bigint
    FROM pg_cast c WHERE c.oid >= 16384 AND age(c.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_am'::regclass::oid::bigint << 32 | am.oid::bigint
    FROM pg_am am WHERE am.oid >= 16384 AND age(am.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_language'::regclass::oid::bigint << 32 | l.oid::bigint
    FROM pg_language l WHERE age(l.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_ts_config'::regclass::oid::bigint << 32 | c.oid::bigint
    FROM pg_ts_config c WHERE c.oid >= 16384 AND age(c.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT 'pg_ts_dict'::regclass::oid::bigint << 32 | d.oid::bigint
    FROM pg_ts_dict d WHERE d.oid >= 16384 AND age(d.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT d.classoid::bigint << 32 | d.objoid::bigint
    FROM pg_description d WHERE d.objoid >= 16384 AND age(d.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL
    SELECT d.classid::bigint << 32 | d.objid::bigint
    FROM pg_depend d
    WHERE d.deptype = 'e' AND d.objid >= 16384 AND age(d.xmin) <= (SELECT k.since_age FROM clock k)
      AND EXISTS (SELECT FROM pg_extension e WHERE e.oid >= 16384)
),
-- Rows of objects that came with the database: none changes in a normal migration, but a renamed built-in (ALTER
-- FUNCTION lower(text) RENAME ...) changes how every reference to it prints.
system_row AS (
    SELECT FROM pg_class c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_attribute a WHERE a.attrelid < 16384 AND age(a.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_type t WHERE t.oid < 16384 AND age(t.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_proc p WHERE p.oid < 16384 AND age(p.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_namespace n WHERE n.oid < 16384 AND age(n.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_operator o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_opclass o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_opfamily o WHERE o.oid < 16384 AND age(o.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_collation co WHERE co.oid < 16384 AND age(co.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_cast c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_am am WHERE am.oid < 16384 AND age(am.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_constraint con WHERE con.oid < 16384 AND age(con.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_rewrite rw WHERE rw.ev_class < 16384 AND age(rw.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_ts_config c WHERE c.oid < 16384 AND age(c.xmin) <= (SELECT k.since_age FROM clock k)
    UNION ALL SELECT FROM pg_ts_dict d WHERE d.oid < 16384 AND age(d.xmin) <= (SELECT k.since_age FROM clock k)
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
    SELECT p_full
        OR k.previous_watermark IS NULL
        OR k.previous_settings IS DISTINCT FROM k.settings
        OR k.next_xid - k.previous_watermark >= 2147483648
        OR k.previous_temporary_objects <> (SELECT count(*) FROM temporary_row)
        OR EXISTS (SELECT FROM temporary_row t WHERE age(t.xmin) <= (SELECT k.since_age FROM clock k))
        OR EXISTS (SELECT FROM system_row)
        AS yes
    FROM clock k
),
-- Owners changed since the previous read (1.-3. above).
seed AS (
    SELECT o.owner FROM new_owner o WHERE NOT (SELECT yes FROM whole)
    UNION
    SELECT coalesce(n.owner, s.owner)
    FROM unnest(v_owners, v_rows) AS n(owner, rows)
    FULL JOIN stored s ON s.owner = n.owner
    WHERE NOT (SELECT yes FROM whole)
      AND (n.rows IS DISTINCT FROM s.rows
           OR (coalesce(n.owner, s.owner) >> 32)::oid NOT IN (
               'pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass, 'pg_constraint'::regclass,
               'pg_trigger'::regclass, 'pg_namespace'::regclass, 'pg_extension'::regclass, 'pg_collation'::regclass,
               'pg_opclass'::regclass, 'pg_operator'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass,
               'pg_am'::regclass, 'pg_language'::regclass, 'pg_ts_config'::regclass, 'pg_ts_dict'::regclass))
)
SELECT r.*
FROM pg_temp.migrations_build_fingerprint_reread(
    ARRAY(SELECT s.owner FROM seed s), (SELECT w.yes FROM whole w), true, false, (SELECT k.since_age FROM clock k),
    (SELECT k.watermark FROM clock k), (SELECT k.settings FROM clock k), (SELECT count(*) FROM temporary_row),
    v_owners, v_rows) r;
END
$scanned$;
