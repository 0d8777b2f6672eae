-- The part of the schema fingerprint statements (SchemaFingerprint.sql, SchemaFingerprintTracked.sql) that both
-- open with, right after WITH RECURSIVE: the kept state of the previous read, the present settings, how old the
-- previous read is, every owner (read in a full read).
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
    WHERE READS_ALL  -- false in the tracked incremental statement, which never reads everything (see there)
    GROUP BY o.owner
),
