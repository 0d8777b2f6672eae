-- The tracked schema fingerprint: pg_temp.migrations_build_fingerprint_tracked(p_full) prints again only the objects
-- the event triggers of Tracking.sql recorded since the previous read (and what prints their names, Reread.sql): a
-- read costs what the last statements changed, whatever the schema's size. With p_full every object is printed
-- again. Runs in psql on its own; reads need State.sql and Reread.sql:
--   psql -f Tracking.sql -f State.sql -f Reread.sql -f Tracked.sql -c 'SELECT * FROM pg_temp.migrations_build_fingerprint_tracked(false)'
--
-- A recorded object is a seed. The incremental read never reads everything: it asks for a full read instead (repeat)
-- when this is the first read; a setting that changes printed text changed; more than 2^31 transactions passed; the
-- triggers are missing or disabled; an item calls for one ("F": a temporary object, a command without an object); a
-- recorded object is a built-in one or of a kind without lines of its own that may change how others print
-- (extension, collation, operator class, operator, cast, ...); or (Reread.sql) a name read again has a namesake. The
-- client reads in full as well after what the triggers cannot see (RESET ALL, DISCARD, a failed statement outside a
-- transaction: CREATE INDEX CONCURRENTLY leaves an invalid index behind).
--
-- Planned with index lookups only (enable_seqscan, enable_hashjoin, enable_mergejoin off, also for Reread.sql's
-- statement, planned under these settings), once (plan_cache_mode = force_generic_plan): the plan is made at the
-- first read of an empty database, when a sequential scan of a catalog looks free, and reads then look objects up one
-- by one in catalogs that grow with every migration (measured on the 200-migration workload: 15% faster, a tenth of
-- the reads twice as fast).
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_tracked(p_full boolean)
RETURNS TABLE (fingerprint_text text, repeat_read boolean, full_read boolean)
LANGUAGE plpgsql
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET plan_cache_mode = force_generic_plan
AS $tracked$
BEGIN
RETURN QUERY
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
-- The previous read against the present (State.sql).
clock AS (
    SELECT * FROM pg_temp.migrations_build_fingerprint_since()
),
tracking AS (
    SELECT count(*) = 2 AND current_setting('event_triggers', true) IS DISTINCT FROM 'off' AS yes
    FROM pg_event_trigger e
    WHERE e.evtname IN ('migrations_build_touched', 'migrations_build_dropped') AND e.evtenabled = 'A'
),
-- The list is read first (and so emptied) in every read, full ones too.
whole AS (
    SELECT (SELECT l.emptied = '' FROM touched_list l) AND (p_full
        OR k.previous_watermark IS NULL
        OR k.previous_settings IS DISTINCT FROM k.settings
        OR k.next_xid - k.previous_watermark >= 2147483648
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
    FROM clock k
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
)
SELECT r.*
FROM pg_temp.migrations_build_fingerprint_reread(
    ARRAY(SELECT s.owner FROM seed s), (SELECT w.yes FROM whole w), p_full, true, (SELECT k.since_age FROM clock k),
    (SELECT k.watermark FROM clock k), (SELECT k.settings FROM clock k), 0, NULL, NULL) r;
END
$tracked$;
