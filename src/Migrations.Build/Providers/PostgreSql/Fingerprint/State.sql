-- Where the incremental schema fingerprints (Tracked.sql, Scanned.sql) keep what they read last: temporary tables of this
-- session, so that ROLLBACK and ROLLBACK TO SAVEPOINT restore them together with the catalogs they describe (also
-- when a migration's own script ends a transaction), and the functions both reads share (Reread.sql holds the rest).
-- Created outside any transaction when the scratch database is opened; created again (IF NOT EXISTS, OR REPLACE) after
-- a statement that may have dropped temporary objects (DISCARD). Runs in psql on its own: `psql -f State.sql`.
-- Only fixed-width columns: no TOAST table. Objects named migrations_build_fingerprint_* are left out of the
-- fingerprint's own count of temporary objects.
CREATE TEMPORARY TABLE IF NOT EXISTS migrations_build_fingerprint_owner (
    owner bigint NOT NULL,      -- catalog OID << 32 | object OID
    rows integer NOT NULL,      -- catalog rows read for the owner: a row deleted without a new one shows here
    collides boolean NOT NULL,  -- another object has its name: how references print may depend on it
    signature uuid,             -- md5 of the owner's name as others print it (migrations_build_fingerprint_signature below)
    columns integer,            -- a relation's highest column number: its signature covers columns up to it
    parent bigint,              -- the relation (or domain) an index, constraint, trigger or partition hangs on
    referenced bigint,          -- the table a foreign key references
    lines integer NOT NULL,
    sum1 bigint NOT NULL,       -- the sums of the owner's line md5s, in four 32-bit parts
    sum2 bigint NOT NULL,
    sum3 bigint NOT NULL,
    sum4 bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS migrations_build_fingerprint_owner_key ON migrations_build_fingerprint_owner (owner);
CREATE INDEX IF NOT EXISTS migrations_build_fingerprint_owner_parent ON migrations_build_fingerprint_owner (parent);
CREATE INDEX IF NOT EXISTS migrations_build_fingerprint_owner_referenced
    ON migrations_build_fingerprint_owner (referenced);
CREATE TEMPORARY TABLE IF NOT EXISTS migrations_build_fingerprint_state (
    watermark bigint,           -- rows with an xmin at or after it were written after the read; NULL: never read
    settings uuid,              -- md5 of the settings that change printed definitions
    temporary_objects bigint,
    lines bigint NOT NULL,
    sum1 bigint NOT NULL,
    sum2 bigint NOT NULL,
    sum3 bigint NOT NULL,
    sum4 bigint NOT NULL
);
INSERT INTO migrations_build_fingerprint_state (watermark, settings, temporary_objects, lines, sum1, sum2, sum3, sum4)
SELECT NULL, NULL, NULL, 0, 0, 0, 0, 0
WHERE NOT EXISTS (SELECT FROM migrations_build_fingerprint_state);
-- The owners a catalog object's lines belong to: a default's or a view rule's text belongs to its relation (NULL when
-- the default or rule is gone), and a rule also owns its own comment (COMMENT ON RULE); any other object owns itself.
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_owners(target_class oid, target oid)
RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
    SELECT CASE target_class
               WHEN 'pg_attrdef'::regclass THEN (
                   SELECT 'pg_class'::regclass::oid::bigint << 32 | ad.adrelid::bigint
                   FROM pg_attrdef ad WHERE ad.oid = target)
               WHEN 'pg_rewrite'::regclass THEN (
                   SELECT 'pg_class'::regclass::oid::bigint << 32 | rw.ev_class::bigint
                   FROM pg_rewrite rw WHERE rw.oid = target)
               ELSE target_class::bigint << 32 | target::bigint
           END
    UNION ALL
    SELECT target_class::bigint << 32 | target::bigint WHERE target_class = 'pg_rewrite'::regclass
$$;
-- A migration may SET ROLE to a role that does not own these tables, and the reads go on as that role; temporary
-- tables belong to this session anyway.
GRANT ALL ON migrations_build_fingerprint_owner, migrations_build_fingerprint_state TO PUBLIC;
-- An owner's name as other definitions print it: a relation's qualified name and its columns' names (those numbered
-- up to upto: columns added since do not rename anything), a type's qualified name and enum labels, a function's
-- signature, a schema's, constraint's or trigger's name. No row for other kinds: they always pass changes on.
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_signature(target bigint, upto integer)
RETURNS TABLE (signature uuid, columns integer)
LANGUAGE sql STABLE AS $$
    SELECT md5(ROW(n.nspname, c.relname, array_agg(a.attname ORDER BY a.attnum))::text)::uuid, max(a.attnum)::integer
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND a.attnum <= coalesce(upto, 32767)
    WHERE target >> 32 = 'pg_class'::regclass::oid AND c.oid = (target & 4294967295)::oid
    GROUP BY n.nspname, c.relname
    UNION ALL
    SELECT md5(ROW(n.nspname, t.typname,
                   (SELECT array_agg(e.enumlabel ORDER BY e.enumlabel)
                    FROM pg_enum e WHERE e.enumtypid = t.oid))::text)::uuid,
           NULL
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE target >> 32 = 'pg_type'::regclass::oid AND t.oid = (target & 4294967295)::oid
    UNION ALL
    SELECT md5(p.oid::regprocedure::text)::uuid, NULL
    FROM pg_proc p
    WHERE target >> 32 = 'pg_proc'::regclass::oid AND p.oid = (target & 4294967295)::oid
    UNION ALL
    SELECT md5(n.nspname)::uuid, NULL
    FROM pg_namespace n
    WHERE target >> 32 = 'pg_namespace'::regclass::oid AND n.oid = (target & 4294967295)::oid
    UNION ALL
    SELECT md5(con.conname)::uuid, NULL
    FROM pg_constraint con
    WHERE target >> 32 = 'pg_constraint'::regclass::oid AND con.oid = (target & 4294967295)::oid
    UNION ALL
    SELECT md5(tg.tgname)::uuid, NULL
    FROM pg_trigger tg
    WHERE target >> 32 = 'pg_trigger'::regclass::oid AND tg.oid = (target & 4294967295)::oid
$$;
-- The previous read against the present: its watermark and settings, the present ones (rows with an xmin at or after
-- the watermark were written after a read; it is at or before the open transaction's xid, so rows of an open
-- transaction and of its subtransactions stay new until a read after it ended), the count of temporary objects the
-- previous read saw, and since_age, age() of the previous watermark: a row is new when age(xmin) <= since_age (both
-- counted back from the same transaction, modulo 2^32; age() is INT_MAX for bootstrap and frozen rows: old). NULL
-- values when there was no previous read.
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_since()
RETURNS TABLE (next_xid bigint, watermark bigint, settings uuid, previous_watermark bigint, previous_settings uuid,
               previous_temporary_objects bigint, since_age integer)
LANGUAGE sql STABLE ROWS 1 AS $$
    SELECT n.next_xid, n.watermark, n.settings, p.watermark, p.settings, p.temporary_objects,
           CASE WHEN p.watermark IS NOT NULL THEN age((p.watermark % 4294967296)::text::xid) END
    FROM (SELECT txid_snapshot_xmax(txid_current_snapshot()) AS next_xid,
                 least(txid_snapshot_xmax(txid_current_snapshot()), txid_current_if_assigned()) AS watermark,
                 md5(concat_ws(E'\n', current_setting('search_path'), current_setting('DateStyle'),
                               current_setting('IntervalStyle'), current_setting('TimeZone'),
                               current_setting('extra_float_digits'), current_setting('bytea_output'),
                               current_setting('quote_all_identifiers'), current_setting('standard_conforming_strings'),
                               current_setting('lc_monetary'), current_setting('lc_numeric')))::uuid AS settings) n
    LEFT JOIN pg_temp.migrations_build_fingerprint_state p ON true
$$;
-- Every owner now, with the number of catalog rows its lines are read from: one row per owner, and one per catalog row
-- that can be deleted while its owner's own rows stay as they were (a comment dropped, NO INHERIT, OWNED BY NONE, a
-- default dropped, ALTER EXTENSION DROP). What a full read reads, and what the scanned read compares with the kept
-- counts. Relations are those with lines: no temporary or toast ones. PL/pgSQL: planned once a session (a SQL
-- function is planned again on every call).
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_owners_now()
RETURNS TABLE (owner bigint, rows integer)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH relation AS (
    SELECT c.oid, c.xmin, c.relkind, c.relname, n.nspname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384
      AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND n.nspname NOT LIKE 'pg\_toast%'
)
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
    GROUP BY o.owner;
END
$$;
