-- DDL tracking for the tracked schema fingerprint (SchemaFingerprintTracked.sql): two event triggers append every
-- object a DDL command created, altered or dropped to the session setting migrations_build.touched, as
-- "classid:objid" items, or "F" for one that calls for a full read (a temporary object, which can hide names; a
-- command that names no object). A setting, not a table: it costs no catalog or heap writes, and like the state
-- tables it follows ROLLBACK and ROLLBACK TO SAVEPOINT together with the catalogs it describes.
-- Installed by a superuser (event triggers need one) when the scratch database is opened, before the first read. The
-- function lives in pg_catalog, which the reflection never reads; the fingerprint prints it like any function with an
-- OID >= 16384, the same line in every read of the database. ENABLE ALWAYS: it fires under session_replication_role
-- = replica too.
CREATE FUNCTION pg_catalog.migrations_build_touched() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    items text;
BEGIN
    IF TG_EVENT = 'sql_drop' THEN
        -- A default dropped with its sequence or function (CASCADE) belongs to a relation nothing else reports: by
        -- name, as the default's own row is gone (NULL, and so left out, when the relation went with it).
        SELECT pg_catalog.string_agg(
                   CASE WHEN d.is_temporary THEN 'F'
                        WHEN d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN
                            'pg_catalog.pg_class'::pg_catalog.regclass::oid::text || ':'
                            || pg_catalog.to_regclass(pg_catalog.quote_ident(d.address_names[1]) || '.'
                                                      || pg_catalog.quote_ident(d.address_names[2]))::oid::text
                        ELSE d.classid::text || ':' || d.objid::text END, ' ')
        INTO items
        FROM pg_catalog.pg_event_trigger_dropped_objects() d;
    ELSE
        SELECT pg_catalog.string_agg(CASE WHEN c.command_tag IN ('GRANT', 'REVOKE') THEN NULL
                                          WHEN c.objid IS NULL OR c.schema_name LIKE 'pg\_temp%' THEN 'F'
                                          ELSE c.classid::text || ':' || c.objid::text END, ' ')
        INTO items
        FROM pg_catalog.pg_event_trigger_ddl_commands() c;
    END IF;
    IF items IS NOT NULL THEN
        PERFORM pg_catalog.set_config('migrations_build.touched',
                                      pg_catalog.concat_ws(' ', pg_catalog.current_setting('migrations_build.touched', true), items),
                                      false);
    END IF;
END;
$$;
CREATE EVENT TRIGGER migrations_build_touched ON ddl_command_end EXECUTE FUNCTION pg_catalog.migrations_build_touched();
CREATE EVENT TRIGGER migrations_build_dropped ON sql_drop EXECUTE FUNCTION pg_catalog.migrations_build_touched();
ALTER EVENT TRIGGER migrations_build_touched ENABLE ALWAYS;
ALTER EVENT TRIGGER migrations_build_dropped ENABLE ALWAYS;
