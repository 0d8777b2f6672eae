-- Where the incremental schema fingerprint (SchemaFingerprint.sql) keeps what it read last: temporary tables of this
-- session, so that ROLLBACK and ROLLBACK TO SAVEPOINT restore them together with the catalogs they describe (also
-- when a migration's own script ends a transaction). Created outside any transaction when the scratch database is
-- opened; created again (IF NOT EXISTS) after a statement that may have dropped temporary objects (DISCARD).
-- Only fixed-width columns: no TOAST table. Objects named migrations_build_fingerprint_* are left out of the
-- fingerprint's own count of temporary objects.
CREATE TEMPORARY TABLE IF NOT EXISTS migrations_build_fingerprint_owner (
    owner bigint NOT NULL,      -- catalog OID << 32 | object OID
    rows integer NOT NULL,      -- catalog rows read for the owner: a row deleted without a new one shows here
    collides boolean NOT NULL,  -- another object has its name: how references print may depend on it
    signature uuid,             -- md5 of the owner's name as others print it (SchemaFingerprint.sql, signature_of)
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
