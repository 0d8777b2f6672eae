-- The part both incremental fingerprints share (Tracked.sql, Scanned.sql): from the seeds, the owners whose catalog
-- rows changed since the previous read, to the owners read again, their lines, and the kept state (State.sql)
-- brought up to date. pg_temp.migrations_build_fingerprint_reread returns the line count and a hash of every user
-- object's definition, whether the read must be repeated as a full read, and whether it was one. Its parameters:
--   p_seeds        the owners changed since the previous read (catalog OID << 32 | object OID)
--   p_whole        read every owner again (a full read)
--   p_reads_all    the caller may read everything; when false (the tracked incremental read) a full read asks to be
--                  repeated as one instead, and what it kept is overwritten by that read
--   p_seed_parts   a seed's own parts (the indexes, constraints, triggers, owned sequences and partitions that depend
--                  on it automatically) are not seeds themselves when they change (an event trigger reports ALTER
--                  TABLE as the table only): read them when written since the previous read, and the parts kept for
--                  a seed that are gone or rewritten where no dependency leads
--   p_since        age() of the previous read's watermark (NULL: no previous read); p_watermark, p_settings and
--                  p_temporary_objects the present ones, kept for the next read
--   p_owners, p_rows  every owner with its number of catalog rows, where the caller counted them (the scanned read);
--                  NULL: a full read counts the owners here, and no row counts are kept
-- Runs in psql on its own: `psql -f State.sql -f Reread.sql`. Planned once a session (plan_cache_mode =
-- force_generic_plan, so the parameters cost no planning), under the caller's planner settings.
CREATE OR REPLACE FUNCTION pg_temp.migrations_build_fingerprint_reread(
    p_seeds bigint[], p_whole boolean, p_reads_all boolean, p_seed_parts boolean, p_since integer,
    p_watermark bigint, p_settings uuid, p_temporary_objects bigint, p_owners bigint[], p_rows integer[])
RETURNS TABLE (fingerprint_text text, repeat_read boolean, full_read boolean)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $reread$
BEGIN
RETURN QUERY
WITH RECURSIVE
-- Dependents of objects whose name may have changed; carries_name: the object's own printed name may have changed
-- too (a seed, an object of a changed schema, an internal part of such an object), so its dependents are read again
-- as well. A seed passes its name on unless it is new (nothing older refers to it) or its signature
-- (migrations_build_fingerprint_signature in State.sql, over the columns it had then) is the same as at the previous
-- read (a column added, a default changed: only the seed itself prints differently).
seed_name AS (
    SELECT s.owner,
           st.owner IS NOT NULL
           AND (st.signature IS NULL
                OR st.signature IS DISTINCT FROM (
                    SELECT g.signature FROM pg_temp.migrations_build_fingerprint_signature(s.owner, st.columns) g))
               AS carries_name
    FROM unnest(p_seeds) AS s(owner)
    -- The kept state and the catalogs are read by index, one lookup per owner (LATERAL ... OFFSET 0), never scanned:
    -- the plan is made once, for an empty database, and a read should cost what changed, not the schema's size.
    LEFT JOIN LATERAL (SELECT * FROM pg_temp.migrations_build_fingerprint_owner st WHERE st.owner = s.owner OFFSET 0) st
        ON true
),
affected (classid, objid, carries_name, seed) AS (
    SELECT (s.owner >> 32)::oid, (s.owner & 4294967295)::oid, s.carries_name, true FROM seed_name s
    UNION
    SELECT e.classid, e.objid, a.carries_name AND (e.part OR e.refclassid = 'pg_namespace'::regclass), false
    FROM affected a
    CROSS JOIN LATERAL (
        SELECT d.classid, d.objid, d.refclassid, d.deptype IN ('i', 'P', 'S') AS part, d.deptype = 'a' AS auto,
               false AS kept
        FROM pg_depend d
        WHERE d.refclassid = a.classid AND d.refobjid = a.objid
        UNION ALL
        SELECT d.refclassid, d.refobjid, d.refclassid, true, false, false
        FROM pg_depend d
        WHERE d.classid = a.classid AND d.objid = a.objid AND d.deptype IN ('i', 'P', 'S')
        UNION ALL
        -- Indexes, constraints, triggers, sequences and partitions kept for this object (or foreign keys kept that
        -- reference it) that are gone or were written since the previous read, where no dependency leads any more:
        -- made again under a new OID (ALTER COLUMN TYPE rebuilds the indexes and constraints on the column, and the
        -- foreign keys that reference it), dropped internally (DROP IDENTITY), detached.
        SELECT (k.owner >> 32)::oid, (k.owner & 4294967295)::oid, NULL::oid, false, false, true
        FROM (SELECT k.owner FROM pg_temp.migrations_build_fingerprint_owner k
              WHERE p_seed_parts AND k.parent = (a.classid::bigint << 32 | a.objid::bigint)
              UNION ALL
              SELECT k.owner FROM pg_temp.migrations_build_fingerprint_owner k
              WHERE p_seed_parts AND k.referenced = (a.classid::bigint << 32 | a.objid::bigint)) k
        WHERE NOT CASE (k.owner >> 32)::oid
                      WHEN 'pg_class'::regclass THEN EXISTS (
                          SELECT FROM pg_class c
                          WHERE c.oid = (k.owner & 4294967295)::oid AND age(c.xmin) > p_since OFFSET 0)
                      WHEN 'pg_constraint'::regclass THEN EXISTS (
                          SELECT FROM pg_constraint con
                          WHERE con.oid = (k.owner & 4294967295)::oid AND age(con.xmin) > p_since
                          OFFSET 0)
                      WHEN 'pg_trigger'::regclass THEN EXISTS (
                          SELECT FROM pg_trigger tg
                          WHERE tg.oid = (k.owner & 4294967295)::oid AND age(tg.xmin) > p_since
                          OFFSET 0)
                      ELSE false
                  END
    ) e
    -- Parts of one object (a constraint and its index, a type and its array type, a partition's index) are read
    -- together, whether or not a name passed on to them.
    WHERE a.carries_name
       OR e.kept
       OR (e.part AND NOT (p_seed_parts AND a.seed))
       -- What depends on a reported object, or what it is part of, when written since the previous read: an ALTER
       -- TABLE is reported as the table alone, and its subcommands write its constraints and indexes, the foreign
       -- keys of other tables that reference a retyped column, ...; its row type, toast table and identity sequence
       -- mostly stay as they were.
       OR (p_seed_parts AND a.seed
           AND CASE e.classid
                   -- (A toast table and its index have no lines.)
                   WHEN 'pg_class'::regclass THEN EXISTS (
                       SELECT FROM pg_class c
                       WHERE c.oid = e.objid AND c.relnamespace <> 'pg_toast'::regnamespace
                         AND (age(c.xmin) <= p_since
                              OR EXISTS (SELECT FROM pg_index i
                                         WHERE i.indexrelid = e.objid AND age(i.xmin) <= p_since
                                         OFFSET 0)
                              OR EXISTS (SELECT FROM pg_sequence s
                                         WHERE s.seqrelid = e.objid AND age(s.xmin) <= p_since
                                         OFFSET 0))
                       OFFSET 0)
                   WHEN 'pg_constraint'::regclass THEN
                       EXISTS (SELECT FROM pg_constraint con
                               WHERE con.oid = e.objid AND age(con.xmin) <= p_since OFFSET 0)
                   WHEN 'pg_trigger'::regclass THEN
                       EXISTS (SELECT FROM pg_trigger tg
                               WHERE tg.oid = e.objid AND age(tg.xmin) <= p_since OFFSET 0)
                   WHEN 'pg_type'::regclass THEN
                       EXISTS (SELECT FROM pg_type ty
                               WHERE ty.oid = e.objid AND age(ty.xmin) <= p_since OFFSET 0)
                       OR EXISTS (SELECT FROM pg_enum en
                                  WHERE en.enumtypid = e.objid AND age(en.xmin) <= p_since OFFSET 0)
                   WHEN 'pg_rewrite'::regclass THEN
                       EXISTS (SELECT FROM pg_rewrite rw
                               WHERE rw.oid = e.objid AND age(rw.xmin) <= p_since OFFSET 0)
                   WHEN 'pg_attrdef'::regclass THEN
                       EXISTS (SELECT FROM pg_attrdef ad
                               WHERE ad.oid = e.objid AND age(ad.xmin) <= p_since OFFSET 0)
                   ELSE true
               END)
),
-- A default's or a view rule's text belongs to its relation (State.sql).
affected_owner AS (
    SELECT DISTINCT o.owner
    FROM affected a
    CROSS JOIN LATERAL pg_temp.migrations_build_fingerprint_owners(a.classid, a.objid) AS o(owner)
    WHERE o.owner IS NOT NULL
),
-- The owners to read: all of them in a full read.
todo AS (
    SELECT o.owner, (o.owner >> 32)::oid AS classid, (o.owner & 4294967295)::oid AS objid
    FROM (SELECT n.owner FROM unnest(p_owners) AS n(owner) WHERE p_whole
          UNION ALL
          SELECT n.owner FROM pg_temp.migrations_build_fingerprint_owners_now() n
          WHERE p_whole AND p_reads_all AND p_owners IS NULL
          UNION ALL
          SELECT a.owner FROM affected_owner a) o
),
-- The owners read again that still exist, with their number of catalog rows: as the caller counted them, else (the
-- tracked read, which keeps no counts) a lookup of each. OFFSET 0 keeps each EXISTS a lookup by OID (else the planner
-- hashes the whole catalog for it).
owner_rows AS (
    SELECT n.owner, n.rows FROM unnest(p_owners, p_rows) AS n(owner, rows) WHERE p_owners IS NOT NULL
    UNION ALL
    SELECT t.owner, 0 AS rows
    FROM (SELECT DISTINCT owner, classid, objid FROM todo) t
    WHERE p_owners IS NULL
      AND CASE t.classid
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
todo_relation AS (
    SELECT c.oid, c.relkind, c.relname, n.nspname
    FROM todo t
    CROSS JOIN LATERAL (SELECT * FROM pg_class c WHERE c.oid = t.objid AND t.classid = 'pg_class'::regclass OFFSET 0) c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384
      AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c', 'f')
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND n.nspname NOT LIKE 'pg\_toast%'
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
               -- (A rule is read for its comment: nothing prints its name.)
               ELSE t.classid NOT IN (
                   'pg_constraint'::regclass, 'pg_trigger'::regclass, 'pg_namespace'::regclass,
                   'pg_extension'::regclass, 'pg_description'::regclass, 'pg_rewrite'::regclass)
           END AS collides
    FROM todo t
),
-- Read again as a full read when a name that is read again or gone has, or had, a namesake.
decision AS (
    SELECT p_whole
        OR EXISTS (SELECT FROM namesake s WHERE s.collides)
        OR EXISTS (SELECT FROM todo t JOIN pg_temp.migrations_build_fingerprint_owner s ON s.owner = t.owner WHERE s.collides)
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
                                     a.attgenerated,
                                     (SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_attrdef ad
                                      WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum),
                                     CASE WHEN a.attcollation <> (SELECT ty.typcollation FROM pg_type ty
                                                                  WHERE ty.oid = a.atttypid)
                                          THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation)
                                     END)::text
                                 ORDER BY a.attnum)
                FROM pg_attribute a
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
    SELECT n.owner, n.rows, s.collides, g.signature, g.columns, p.parent, p.referenced, coalesce(l.lines, 0) AS lines,
           coalesce(l.sum1, 0) AS sum1, coalesce(l.sum2, 0) AS sum2, coalesce(l.sum3, 0) AS sum3,
           coalesce(l.sum4, 0) AS sum4
    FROM (SELECT DISTINCT owner FROM todo) t
    JOIN owner_rows n ON n.owner = t.owner
    JOIN namesake s ON s.owner = t.owner
    LEFT JOIN LATERAL pg_temp.migrations_build_fingerprint_signature(t.owner, NULL) g ON true
    -- The relation (or domain) an index, constraint, trigger, owned sequence or partition belongs to (see affected).
    CROSS JOIN LATERAL (
        SELECT CASE (t.owner >> 32)::oid
                   WHEN 'pg_class'::regclass THEN coalesce(
                       (SELECT 'pg_class'::regclass::oid::bigint << 32 | i.indrelid::bigint
                        FROM pg_index i WHERE i.indexrelid = (t.owner & 4294967295)::oid),
                       (SELECT 'pg_class'::regclass::oid::bigint << 32 | i.inhparent::bigint
                        FROM pg_inherits i WHERE i.inhrelid = (t.owner & 4294967295)::oid AND i.inhseqno = 1),
                       (SELECT 'pg_class'::regclass::oid::bigint << 32 | d.refobjid::bigint
                        FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = (t.owner & 4294967295)::oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1))
                   WHEN 'pg_constraint'::regclass THEN (
                       SELECT CASE WHEN con.conrelid <> 0
                                   THEN 'pg_class'::regclass::oid::bigint << 32 | con.conrelid::bigint
                                   ELSE 'pg_type'::regclass::oid::bigint << 32 | con.contypid::bigint END
                       FROM pg_constraint con WHERE con.oid = (t.owner & 4294967295)::oid)
                   WHEN 'pg_trigger'::regclass THEN (
                       SELECT 'pg_class'::regclass::oid::bigint << 32 | tg.tgrelid::bigint
                       FROM pg_trigger tg WHERE tg.oid = (t.owner & 4294967295)::oid)
               END AS parent,
               -- The table a foreign key references.
               CASE (t.owner >> 32)::oid WHEN 'pg_constraint'::regclass THEN (
                   SELECT 'pg_class'::regclass::oid::bigint << 32 | con.confrelid::bigint
                   FROM pg_constraint con WHERE con.oid = (t.owner & 4294967295)::oid AND con.confrelid <> 0)
               END AS referenced) p
    LEFT JOIN line_sum l ON l.owner = t.owner
),
-- The kept rows of the owners read again, as they were before this read (every part of a statement sees the same
-- snapshot). Rows of owners that still exist are updated in place, not deleted and inserted again: nothing vacuums
-- temporary tables, and an update that changes no indexed column leaves no dead index entry behind (HOT), where a
-- delete and an insert per owner and read made later reads wade through thousands of dead rows. (VACUUM is no way
-- out: the statistics it writes make the server plan this statement again, for the catalogs' present size, and
-- that plan reads them whole.)
kept AS (
    SELECT k.ctid AS row, k.owner, k.lines, k.sum1, k.sum2, k.sum3, k.sum4
    FROM (SELECT DISTINCT owner FROM todo) t
    CROSS JOIN LATERAL (SELECT k.ctid, k.* FROM pg_temp.migrations_build_fingerprint_owner k
                        WHERE k.owner = t.owner OFFSET 0) k
    WHERE NOT p_whole
),
removed_all AS (
    DELETE FROM pg_temp.migrations_build_fingerprint_owner o
    WHERE p_whole
    RETURNING o.lines, o.sum1, o.sum2, o.sum3, o.sum4
),
removed_gone AS (
    DELETE FROM pg_temp.migrations_build_fingerprint_owner o
    WHERE o.ctid = ANY (ARRAY(SELECT k.row FROM kept k WHERE k.owner NOT IN (SELECT f.owner FROM fresh f)))
),
changed AS (
    UPDATE pg_temp.migrations_build_fingerprint_owner o
    SET rows = f.rows, collides = f.collides, signature = f.signature, columns = f.columns, parent = f.parent,
        referenced = f.referenced, lines = f.lines, sum1 = f.sum1, sum2 = f.sum2, sum3 = f.sum3, sum4 = f.sum4
    FROM fresh f
    WHERE o.ctid = ANY (ARRAY(SELECT k.row FROM kept k WHERE k.owner IN (SELECT f.owner FROM fresh f)))
      AND f.owner = o.owner
),
added AS (
    INSERT INTO pg_temp.migrations_build_fingerprint_owner
        (owner, rows, collides, signature, columns, parent, referenced, lines, sum1, sum2, sum3, sum4)
    SELECT f.owner, f.rows, f.collides, f.signature, f.columns, f.parent, f.referenced, f.lines, f.sum1, f.sum2,
           f.sum3, f.sum4
    FROM fresh f
    WHERE f.owner NOT IN (SELECT k.owner FROM kept k)
),
removed AS (
    SELECT r.lines, r.sum1, r.sum2, r.sum3, r.sum4 FROM removed_all r
    UNION ALL
    SELECT k.lines, k.sum1, k.sum2, k.sum3, k.sum4 FROM kept k
),
saved AS (
    UPDATE pg_temp.migrations_build_fingerprint_state s
    SET watermark = CASE WHEN d.whole AND NOT (p_whole AND p_reads_all) THEN NULL ELSE p_watermark END,
        settings = p_settings,
        temporary_objects = p_temporary_objects,
        lines = CASE WHEN p_whole THEN 0 ELSE s.lines - r.lines END + a.lines,
        sum1 = CASE WHEN p_whole THEN 0 ELSE s.sum1 - r.sum1 END + a.sum1,
        sum2 = CASE WHEN p_whole THEN 0 ELSE s.sum2 - r.sum2 END + a.sum2,
        sum3 = CASE WHEN p_whole THEN 0 ELSE s.sum3 - r.sum3 END + a.sum3,
        sum4 = CASE WHEN p_whole THEN 0 ELSE s.sum4 - r.sum4 END + a.sum4
    FROM decision d,
         (SELECT coalesce(sum(lines), 0)::bigint AS lines, coalesce(sum(sum1), 0)::bigint AS sum1,
                 coalesce(sum(sum2), 0)::bigint AS sum2, coalesce(sum(sum3), 0)::bigint AS sum3,
                 coalesce(sum(sum4), 0)::bigint AS sum4 FROM removed) r,
         (SELECT coalesce(sum(lines), 0)::bigint AS lines, coalesce(sum(sum1), 0)::bigint AS sum1,
                 coalesce(sum(sum2), 0)::bigint AS sum2, coalesce(sum(sum3), 0)::bigint AS sum3,
                 coalesce(sum(sum4), 0)::bigint AS sum4 FROM fresh) a
    RETURNING s.lines, s.sum1, s.sum2, s.sum3, s.sum4, s.watermark
)
-- The line count (plus search_path's line) and an md5 of the sums and search_path; whether the read found a namesake
-- and must be repeated as a full read (the client does so); whether it was a full read.
SELECT (s.lines + 1)::text || ' '
           || md5(concat_ws(' ', s.sum1, s.sum2, s.sum3, s.sum4, current_setting('search_path'))),
       (SELECT whole FROM decision) AND NOT (p_whole AND p_reads_all) AS repeat,
       p_whole AND p_reads_all AS whole
FROM saved s;
END
$reread$;
