-- The tracked schema fingerprint: the same lines, kept state and result as SchemaFingerprint.sql, but the owners to
-- read again come from the objects the event triggers of SchemaFingerprintTracking.sql recorded since the previous
-- read, not from scanning the catalogs: a read costs what the last statements changed, whatever the schema's size.
-- FULL_READ is replaced by true (every object read again) or false; the client runs both statements inside functions
-- of the session that plan them with index lookups only (SchemaFingerprint.cs).
--
-- A recorded object is a seed; what else prints differently follows from it as in SchemaFingerprint.sql (dependents
-- of a changed name, parts read together, namesakes), plus (SEED_PARTS, in SchemaFingerprintLines.sql) a seed's own
-- parts written since the previous read, because an ALTER TABLE is reported as the table alone, and the parts kept
-- for a seed that are gone or rewritten where no dependency leads (rebuilt under a new OID, dropped internally,
-- detached). The incremental statement (READS_ALL false) never reads everything: it asks for a full read instead
-- (repeat) when this is the first read; a setting that changes printed text changed; more than 2^31 transactions
-- passed; the triggers are missing or disabled; an item calls for one ("F": a temporary object, a command without an
-- object); a recorded object is a built-in one or of a kind without lines of its own that may change how others
-- print (extension, collation, operator class, operator, cast, ...); or a name read again has a namesake. The client
-- reads in full as well after what the triggers cannot see (RESET ALL, DISCARD, a failed statement outside a
-- transaction: CREATE INDEX CONCURRENTLY leaves an invalid index behind).
WITH RECURSIVE
-- Read and emptied in one go: a rollback of this read restores both the list and the state tables.
touched_list AS MATERIALIZED (
    SELECT coalesce(current_setting('migrations_build.touched', true), '') AS items,
           set_config('migrations_build.touched', '', false) AS emptied
),
-- regexp_matches, not a split: the planner expects 10 rows of it (1,000 of a split), and sizes the hash tables of
-- everything downstream by that, allocated on every execution.
touched AS (
    SELECT m.item[1]::oid AS classid, m.item[2]::oid AS objid
    FROM touched_list l
    CROSS JOIN LATERAL regexp_matches(l.items, '(\d+):(\d+)', 'g') AS m(item)
),
-- include: SchemaFingerprintCommon.sql
tracking AS (
    SELECT count(*) = 2 AND current_setting('event_triggers', true) IS DISTINCT FROM 'off' AS yes
    FROM pg_event_trigger e
    WHERE e.evtname IN ('migrations_build_touched', 'migrations_build_dropped') AND e.evtenabled = 'A'
),
-- Temporary objects are items of their own ("F"): nothing to count here.
temporary_row AS (
    SELECT NULL::xid AS xmin WHERE false
),
-- The list is read first (and so emptied) in every read, full ones too.
whole AS (
    SELECT (SELECT l.emptied = '' FROM touched_list l) AND (FULL_READ
        OR p.watermark IS NULL
        OR p.settings IS DISTINCT FROM n.settings
        OR n.next_xid - p.watermark >= 2147483648
        OR NOT (SELECT yes FROM tracking)
        OR (SELECT l.items LIKE '%F%' FROM touched_list l)
        -- A composite type (reported as its type or its relation): ALTER TYPE ... CASCADE changes the tables typed
        -- with it, and pg_class has no index to find them by.
        OR EXISTS (SELECT FROM touched t
                   WHERE (t.classid = 'pg_class'::regclass
                          AND EXISTS (SELECT FROM pg_class c WHERE c.oid = t.objid AND c.relkind = 'c' OFFSET 0))
                      OR (t.classid = 'pg_type'::regclass
                          AND EXISTS (SELECT FROM pg_type ty JOIN pg_class c ON c.oid = ty.typrelid
                                      WHERE ty.oid = t.objid AND c.relkind = 'c' OFFSET 0)))
        OR EXISTS (SELECT FROM touched t
                   WHERE t.objid < 16384
                      OR t.classid NOT IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass,
                                           'pg_constraint'::regclass, 'pg_trigger'::regclass,
                                           'pg_namespace'::regclass, 'pg_attrdef'::regclass, 'pg_rewrite'::regclass)))
        AS yes
    FROM present n LEFT JOIN previous p ON true
),
-- A default's or a view rule's text belongs to its relation; one that is gone was dropped with a command that
-- reported its relation too.
reported AS (
    SELECT DISTINCT o.owner
    FROM touched t
    CROSS JOIN LATERAL pg_temp.migrations_build_fingerprint_owners(t.classid, t.objid) AS o(owner)
    WHERE NOT (SELECT yes FROM whole) AND o.owner IS NOT NULL
),
-- What a command on a relation changes in other relations without reporting them: its inheritance children and
-- partitions (ADD COLUMN, SET NOT NULL, SET DEFAULT, ADD CONSTRAINT recurse to them). They are seeds too. (A change
-- to a composite type, which may change the tables typed with it, is a full read: see whole.)
seed (owner) AS (
    SELECT r.owner FROM reported r
    UNION
    SELECT x.owner
    FROM seed s
    CROSS JOIN LATERAL (
        SELECT 'pg_class'::regclass::oid::bigint << 32 | i.inhrelid::bigint AS owner
        FROM pg_inherits i
        WHERE s.owner >> 32 = 'pg_class'::regclass::oid AND i.inhparent = (s.owner & 4294967295)::oid
    ) x
),
-- The owners read again that still exist (read by the lines part); the row counts are SchemaFingerprint.sql's.
-- OFFSET 0 keeps each EXISTS a lookup by OID (else the planner hashes the whole catalog for it).
owner_rows AS (
    SELECT t.owner, 0 AS rows
    FROM (SELECT DISTINCT owner, classid, objid FROM todo) t
    WHERE CASE t.classid
              WHEN 'pg_class'::regclass THEN EXISTS (
                  SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.oid = t.objid AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
                    AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%' OFFSET 0)
              WHEN 'pg_type'::regclass THEN EXISTS (
                  SELECT FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
                  WHERE ty.oid = t.objid AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast%'
                  OFFSET 0)
              WHEN 'pg_proc'::regclass THEN EXISTS (SELECT FROM pg_proc p WHERE p.oid = t.objid OFFSET 0)
              WHEN 'pg_constraint'::regclass THEN EXISTS (
                  SELECT FROM pg_constraint con WHERE con.oid = t.objid OFFSET 0)
              WHEN 'pg_trigger'::regclass THEN EXISTS (
                  SELECT FROM pg_trigger tg
                  JOIN pg_class c ON c.oid = tg.tgrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE tg.oid = t.objid AND NOT tg.tgisinternal AND n.nspname NOT LIKE 'pg\_temp\_%' OFFSET 0)
              WHEN 'pg_namespace'::regclass THEN EXISTS (SELECT FROM pg_namespace n WHERE n.oid = t.objid OFFSET 0)
              WHEN 'pg_extension'::regclass THEN EXISTS (SELECT FROM pg_extension e WHERE e.oid = t.objid OFFSET 0)
              WHEN 'pg_collation'::regclass THEN EXISTS (SELECT FROM pg_collation co WHERE co.oid = t.objid OFFSET 0)
              WHEN 'pg_opclass'::regclass THEN EXISTS (SELECT FROM pg_opclass opc WHERE opc.oid = t.objid OFFSET 0)
              -- Other kinds have lines only as an extension's member or for their comment.
              ELSE EXISTS (SELECT FROM pg_depend d
                           WHERE d.classid = t.classid AND d.objid = t.objid AND d.deptype = 'e' OFFSET 0)
                OR EXISTS (SELECT FROM pg_description d WHERE d.objoid = t.objid AND d.classoid = t.classid OFFSET 0)
          END
),
-- include: SchemaFingerprintLines.sql
