using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Tests.Unit.Providers;

/// <summary>What the PostgreSQL confinement refuses, read by the statement scanner alone (the engine tests run the
/// same statements on a real server and check that their victims are intact).</summary>
[TestClass]
public sealed class PostgreSqlConfinementTests
{
    [TestMethod]
    [DataRow("DROP DATABASE other", "MIG2004", "DROP DATABASE")]
    [DataRow("drop database if exists \"other\" with (force)", "MIG2004", "drop database")]
    [DataRow("CREATE DATABASE copy TEMPLATE other", "MIG2004", "CREATE DATABASE")]
    [DataRow("ALTER DATABASE other RENAME TO gone", "MIG2004", "ALTER DATABASE")]
    [DataRow("ALTER SYSTEM SET work_mem = '1GB'", "MIG2004", "ALTER SYSTEM")]
    [DataRow("CREATE TABLESPACE t LOCATION '/tmp'", "MIG2004", "CREATE TABLESPACE")]
    [DataRow("DROP TABLESPACE t", "MIG2004", "DROP TABLESPACE")]
    [DataRow("CREATE SUBSCRIPTION s CONNECTION 'host=elsewhere' PUBLICATION p", "MIG2004", "CREATE SUBSCRIPTION")]
    [DataRow("CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw", "MIG2004", "CREATE SERVER")]
    [DataRow("CREATE USER MAPPING FOR CURRENT_USER SERVER elsewhere", "MIG2004", "CREATE USER MAPPING")]
    [DataRow("CREATE EXTENSION dblink", "MIG2004", "CREATE EXTENSION")]
    [DataRow("CREATE EXTENSION IF NOT EXISTS \"postgres_fdw\" SCHEMA public", "MIG2004", "CREATE EXTENSION")]
    [DataRow("SELECT dblink_exec('dbname=postgres', 'DROP DATABASE other')", "MIG2004", "dblink_exec(")]
    [DataRow("SELECT * FROM public.dblink('dbname=postgres', 'SELECT 1') AS t(x int)", "MIG2004", "dblink(")]
    [DataRow("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "MIG2004", "pg_terminate_backend(")]
    [DataRow("SELECT pg_catalog.pg_cancel_backend(1)", "MIG2004", "pg_cancel_backend(")]
    [DataRow("SELECT pg_reload_conf()", "MIG2004", "pg_reload_conf(")]
    [DataRow("SELECT pg_rotate_logfile()", "MIG2004", "pg_rotate_logfile(")]
    [DataRow("GRANT CONNECT ON DATABASE other TO PUBLIC", "MIG2004", "GRANT")]
    [DataRow("COMMENT ON DATABASE other IS 'mine'", "MIG2004", "COMMENT")]
    [DataRow("CHECKPOINT", "MIG2004", "CHECKPOINT")]
    [DataRow("PREPARE TRANSACTION 'held'", "MIG2004", "PREPARE")]
    [DataRow("COPY (SELECT 1) TO PROGRAM 'id > pwned.txt'", "MIG2005", "COPY")]
    [DataRow("copy t from program 'curl http://x'", "MIG2005", "copy")]
    [DataRow("COPY t TO '/tmp/t.csv' WITH (FORMAT csv)", "MIG2005", "COPY")]
    [DataRow("COPY t (a, b) FROM E'/etc/passwd'", "MIG2005", "COPY")]
    [DataRow("SELECT pg_read_file('/etc/passwd')", "MIG2005", "pg_read_file(")]
    [DataRow("SELECT pg_read_binary_file('postgresql.conf')", "MIG2005", "pg_read_binary_file(")]
    [DataRow("SELECT pg_ls_dir('.')", "MIG2005", "pg_ls_dir(")]
    [DataRow("SELECT pg_stat_file('postgresql.conf')", "MIG2005", "pg_stat_file(")]
    [DataRow("SELECT lo_import('/etc/passwd')", "MIG2005", "lo_import(")]
    [DataRow("SELECT lo_export(1234, '/tmp/x')", "MIG2005", "lo_export(")]
    [DataRow("CREATE EXTENSION file_fdw", "MIG2005", "CREATE EXTENSION")]
    [DataRow("CREATE EXTENSION adminpack", "MIG2005", "CREATE EXTENSION")]
    [DataRow("CREATE EXTENSION plpython3u", "MIG2005", "CREATE EXTENSION")]
    [DataRow("LOAD 'auto_explain'", "MIG2005", "LOAD")]
    [DataRow("CREATE FUNCTION sh(text) RETURNS int AS 'libc.so.6', 'system' LANGUAGE C STRICT", "MIG2005", "LANGUAGE C")]
    [DataRow("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE plpython3u AS $$ import os $$", "MIG2005", "LANGUAGE plpython3u")]
    [DataRow("DO LANGUAGE plperlu $$ system('id') $$", "MIG2005", "LANGUAGE plperlu")]
    [DataRow("CREATE LANGUAGE plpython3u", "MIG2005", "CREATE LANGUAGE")]
    [DataRow("CREATE ROLE intruder SUPERUSER LOGIN", "MIG2006", "CREATE ROLE")]
    [DataRow("CREATE USER intruder", "MIG2006", "CREATE USER")]
    [DataRow("ALTER ROLE CURRENT_USER SUPERUSER", "MIG2006", "ALTER ROLE")]
    [DataRow("ALTER USER postgres PASSWORD 'x'", "MIG2006", "ALTER USER")]
    [DataRow("DROP ROLE app", "MIG2006", "DROP ROLE")]
    [DataRow("CREATE GROUP admins", "MIG2006", "CREATE GROUP")]
    [DataRow("GRANT pg_read_server_files TO CURRENT_USER", "MIG2006", "GRANT")]
    [DataRow("REVOKE app_admin FROM app", "MIG2006", "REVOKE")]
    [DataRow("GRANT SET ON PARAMETER work_mem TO PUBLIC", "MIG2006", "GRANT")]
    [DataRow("SET ROLE postgres", "MIG2006", "SET")]
    [DataRow("SET LOCAL ROLE = 'postgres'", "MIG2006", "SET")]
    [DataRow("SET SESSION AUTHORIZATION postgres", "MIG2006", "SET")]
    [DataRow("SELECT set_config('role', 'postgres', false)", "MIG2006", "set_config(")]
    [DataRow("COMMENT ON ROLE app IS 'x'", "MIG2006", "COMMENT")]
    [DataRow("REASSIGN OWNED BY app TO postgres", "MIG2006", "REASSIGN")]
    [DataRow("DO $$\nBEGIN\n  PERFORM dblink_exec('dbname=postgres', 'DROP DATABASE other');\nEND\n$$", "MIG2004", "dblink_exec(")]
    [DataRow("DO $$ BEGIN EXECUTE 'DROP DATABASE other'; END $$", "MIG2004", "DROP DATABASE")]
    [DataRow("DO $body$ BEGIN IF true THEN CREATE ROLE intruder; END IF; END $body$", "MIG2006", "CREATE ROLE")]
    [DataRow("DO $$ BEGIN EXECUTE format('COPY t TO PROGRAM %L', 'id'); END $$", "MIG2005", "COPY")]
    [DataRow("CREATE FUNCTION f() RETURNS void LANGUAGE sql AS 'SELECT pg_read_file(''/etc/passwd'')'", "MIG2005", "pg_read_file(")]
    [DataRow("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN SET ROLE postgres; END $f$", "MIG2006", "SET")]
    public void A_statement_that_acts_outside_the_scratch_database_is_refused_at_its_form(string sql, string code, string at)
    {
        var refusal = PostgreSqlConfinement.Judge(sql);

        Assert.IsNotNull(refusal, sql);
        Assert.AreEqual(code, refusal.Code.Code, refusal.Reason);
        Assert.AreEqual(sql.IndexOf(at, StringComparison.Ordinal), refusal.Offset, refusal.Reason);
    }

    [TestMethod]
    [DataRow("CREATE EXTENSION IF NOT EXISTS pgcrypto")]
    [DataRow("CREATE EXTENSION citext")]
    [DataRow("CREATE SCHEMA reports")]
    [DataRow("GRANT SELECT ON users TO PUBLIC")]
    [DataRow("GRANT SELECT (id, name) ON users TO app_reader")]
    [DataRow("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")]
    [DataRow("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC")]
    [DataRow("COPY users FROM STDIN WITH (FORMAT csv)")]
    [DataRow("COPY (SELECT id FROM users) TO STDOUT")]
    [DataRow("UPDATE users SET role = 'admin' WHERE id = 1")]
    [DataRow("INSERT INTO users (role) VALUES ('x') ON CONFLICT (id) DO UPDATE SET role = excluded.role")]
    [DataRow("SET ROLE NONE")]
    [DataRow("RESET ROLE")]
    [DataRow("SET SESSION AUTHORIZATION DEFAULT")]
    [DataRow("SET search_path = public")]
    [DataRow("SELECT set_config('search_path', 'public', false)")]
    [DataRow("CREATE TABLE databases (database text, role text, program text)")]
    [DataRow("INSERT INTO notes VALUES ('DROP DATABASE other; COPY t TO PROGRAM ''id''')")]
    [DataRow("INSERT INTO notes VALUES ($$ SELECT pg_read_file('x') $$)")]
    [DataRow("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.role := 'x'; RAISE NOTICE 'do not DROP DATABASE'; RETURN NEW; END $$")]
    [DataRow("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END")]
    [DataRow("DO $$ BEGIN EXECUTE 'CREATE ' || 'ROLE x'; END $$")]
    [DataRow("CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$")]
    [DataRow("DROP EXTENSION IF EXISTS dblink")]
    [DataRow("CREATE PUBLICATION p FOR TABLE users")]
    public void A_statement_that_stays_inside_the_scratch_database_is_not_refused(string sql)
    {
        var refusal = PostgreSqlConfinement.Judge(sql);

        Assert.IsNull(refusal, refusal?.Reason);
    }
}
