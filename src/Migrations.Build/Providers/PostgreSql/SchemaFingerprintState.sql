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
    lines integer NOT NULL,
    sum1 bigint NOT NULL,       -- the sums of the owner's line md5s, in four 32-bit parts
    sum2 bigint NOT NULL,
    sum3 bigint NOT NULL,
    sum4 bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS migrations_build_fingerprint_owner_key ON migrations_build_fingerprint_owner (owner);
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
