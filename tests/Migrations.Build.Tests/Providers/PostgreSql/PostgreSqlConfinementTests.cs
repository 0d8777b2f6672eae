using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlConfinementRuns;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>On a real server, statements that would act outside the scratch database are refused at their place
/// before they run, and what they aimed at is intact — on the engine's own cluster (runner role) and on a server given
/// by connection string (its superuser, for whom each of them would have worked).</summary>
[TestClass]
public sealed class PostgreSqlConfinementTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    [TestMethod]
    [DataRow("confined", "DROP DATABASE {victim}", "MIG2004", "DROP")]
    [DataRow("given", "DROP DATABASE {victim}", "MIG2004", "DROP")]
    [DataRow("confined", "DROP DATABASE postgres WITH (FORCE)", "MIG2004", "DROP")]
    [DataRow("given", "DROP DATABASE postgres WITH (FORCE)", "MIG2004", "DROP")]
    [DataRow("confined", "ALTER DATABASE {victim} RENAME TO gone", "MIG2004", "ALTER")]
    [DataRow("given", "ALTER SYSTEM SET work_mem = '77MB'", "MIG2004", "ALTER")]
    [DataRow("confined", "ALTER SYSTEM SET work_mem = '77MB'", "MIG2004", "ALTER")]
    [DataRow("given", "CREATE ROLE migrations_build_intruder SUPERUSER LOGIN", "MIG2006", "CREATE")]
    [DataRow("confined", "CREATE ROLE migrations_build_intruder SUPERUSER LOGIN", "MIG2006", "CREATE")]
    [DataRow("given", "ALTER ROLE migrations_build_runner SUPERUSER", "MIG2006", "ALTER")]
    [DataRow("given", "GRANT pg_execute_server_program TO migrations_build_runner", "MIG2006", "GRANT")]
    [DataRow("given", "SET ROLE postgres", "MIG2006", "SET")]
    [DataRow("given", "COPY (SELECT 1) TO PROGRAM 'id > {folder}/pwned.txt'", "MIG2005", "COPY")]
    [DataRow("confined", "COPY (SELECT 1) TO PROGRAM 'id > {folder}/pwned.txt'", "MIG2005", "COPY")]
    [DataRow("given", "COPY (SELECT 1) TO '{folder}/pwned.txt'", "MIG2005", "COPY")]
    [DataRow("given", "SELECT pg_read_file('postgresql.auto.conf')", "MIG2005", "pg_read_file")]
    [DataRow("given", "SELECT lo_export(lo_from_bytea(0, 'x'), '{folder}/pwned.txt')", "MIG2005", "lo_export")]
    [DataRow("given", "CREATE TABLESPACE migrations_build_intruder LOCATION '{folder}'", "MIG2004", "CREATE")]
    [DataRow("given", "CREATE EXTENSION dblink", "MIG2004", "CREATE")]
    [DataRow("given", "DO $$ BEGIN PERFORM dblink_exec('dbname=postgres', 'DROP DATABASE {victim}'); END $$", "MIG2004", "dblink_exec")]
    [DataRow("confined", "DO $$ BEGIN EXECUTE 'DROP DATABASE {victim}'; END $$", "MIG2004", "DROP DATABASE")]
    [DataRow("given", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'", "MIG2004", "pg_terminate_backend")]
    [DataRow("given", "SELECT pg_reload_conf()", "MIG2004", "pg_reload_conf")]
    [DataRow("given", "LOAD 'auto_explain'", "MIG2005", "LOAD")]
    [DataRow("given", "CREATE FUNCTION sh(cstring) RETURNS int AS 'libc.so.6', 'system' LANGUAGE C STRICT", "MIG2005", "LANGUAGE")]
    [DataRow("given", "GRANT CONNECT ON DATABASE {victim} TO PUBLIC", "MIG2004", "GRANT")]
    public async Task A_hostile_statement_is_refused_at_its_place_and_its_victim_is_intact(string providerName, string statement, string code, string at)
    {
        using var folder = new TemporaryFolder();
        var victim = "migrations_build_victim_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync($"CREATE DATABASE {victim}");
        var sql = statement.Replace("{victim}", victim, StringComparison.Ordinal).Replace("{folder}", folder.Path, StringComparison.Ordinal);
        var autoConf = await ScalarAsync<string>("SELECT pg_read_file('postgresql.auto.conf')");
        WriteBase(folder);
        var up = folder.Write("Migrations/0002_hostile.up.sql", $"CREATE TABLE notes (id int);\n\n{sql};\n");
        folder.Write("Migrations/0002_hostile.down.sql", "DROP TABLE notes;\n");
        try
        {
            var result = await CheckAsync(folder, ProviderNamed(providerName));

            var refused = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
            Assert.AreEqual(code, refused.Code, refused.ToString());
            Assert.AreEqual(new SourceLocation(up, 3, sql.IndexOf(at, StringComparison.Ordinal) + 1), refused.Location! with { EndLine = null, EndColumn = null }, refused.ToString());
            StringAssert.Contains(refused.Message, "Migration 0002_hostile failed: refused: ");
            Assert.IsTrue(await ScalarAsync<bool>($"SELECT count(*) = 2 FROM pg_database WHERE datname IN ('{victim}', 'postgres')"), "a database was dropped or renamed");
            Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migrations_build_intruder')"), "a role was created");
            Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT rolsuper FROM pg_roles WHERE rolname = 'migrations_build_runner'"), "the runner became a superuser");
            Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT pg_has_role('migrations_build_runner', 'pg_execute_server_program', 'MEMBER')"), "the runner was granted a server role");
            Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT EXISTS (SELECT FROM pg_tablespace WHERE spcname = 'migrations_build_intruder')"), "a tablespace was created");
            Assert.AreEqual(autoConf, await ScalarAsync<string>("SELECT pg_read_file('postgresql.auto.conf')"), "ALTER SYSTEM wrote the configuration");
            Assert.IsFalse(File.Exists(Path.Combine(folder.Path, "pwned.txt")), "a program ran or a file was written");
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {victim} WITH (FORCE)");
        }
    }

    [TestMethod]
    [DataRow("confined")]
    [DataRow("given")]
    public async Task A_hostile_down_and_a_hostile_model_are_refused_with_their_codes(string providerName)
    {
        using var folder = new TemporaryFolder();
        WriteBase(folder);
        var down = folder.Write("Migrations/0001_base.down.sql", "DROP TABLE users;\nALTER SYSTEM SET work_mem = '77MB';\n");
        var model = folder.Write("schema.sql", "CREATE TABLE users (id int PRIMARY KEY);\nCREATE ROLE migrations_build_intruder;\n");

        var result = await CheckAsync(folder, ProviderNamed(providerName), model: true);

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsTrue(errors.Any(d => d.Code == "MIG2004" && d.Location! with { EndLine = null, EndColumn = null } == new SourceLocation(down, 2, 1)), string.Join("\n", errors));
        Assert.IsTrue(errors.Any(d => d.Code == "MIG2006" && d.Location! with { EndLine = null, EndColumn = null } == new SourceLocation(model, 2, 1)), string.Join("\n", errors));
        Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migrations_build_intruder')"));
    }

    [TestMethod]
    [DataRow("DO $$ BEGIN EXECUTE 'CREATE ' || 'ROLE migrations_build_intruder'; END $$")]
    [DataRow("DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO ' || 'PROGRAM ''id > {folder}/pwned.txt'''; END $$")]
    [DataRow("DO $$ BEGIN EXECUTE 'SELECT pg_' || 'read_file(''postgresql.auto.conf'')'; END $$")]
    [DataRow("DO $$ BEGIN EXECUTE 'ALTER ' || 'ROLE migrations_build_runner SUPERUSER'; END $$")]
    [DataRow("DO $$ BEGIN EXECUTE 'CREATE ' || 'EXTENSION moddatetime'; END $$")]
    public async Task What_the_scanner_cannot_see_fails_as_the_runner_role_at_its_statement(string statement)
    {
        using var folder = new TemporaryFolder();
        WriteBase(folder);
        var sql = statement.Replace("{folder}", folder.Path, StringComparison.Ordinal);
        Assert.IsNull(PostgreSqlConfinement.Judge(sql), "the scanner sees this one; the test needs one it cannot");
        var up = folder.Write("Migrations/0002_sneaky.up.sql", $"CREATE TABLE notes (id int);\n{sql};\n");
        folder.Write("Migrations/0002_sneaky.down.sql", "DROP TABLE notes;\n");

        var result = await CheckAsync(folder, PostgreSqlTestServer.ConfinedProvider);

        var failed = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("MIG2001", failed.Code, failed.ToString());
        Assert.AreEqual(up, failed.Location!.Path);
        Assert.AreEqual(2, failed.Location.Line, failed.ToString());
        StringAssert.Contains(failed.Message, "(42501)"); // insufficient privilege
        Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migrations_build_intruder')"));
        Assert.IsTrue(await ScalarAsync<bool>("SELECT NOT rolsuper FROM pg_roles WHERE rolname = 'migrations_build_runner'"));
        Assert.IsFalse(File.Exists(Path.Combine(folder.Path, "pwned.txt")));
    }

    [TestMethod]
    [DataRow("confined")]
    [DataRow("given")]
    public async Task Legitimate_migrations_still_pass(string providerName)
    {
        using var folder = new TemporaryFolder();
        WriteBase(folder);
        folder.Write("Migrations/0002_everyday.up.sql", """
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE SCHEMA reports;
            CREATE TABLE reports.totals (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email citext, role text);
            GRANT SELECT ON reports.totals TO PUBLIC;
            GRANT USAGE ON SCHEMA reports TO PUBLIC;
            ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES TO PUBLIC;
            UPDATE reports.totals SET role = 'admin' WHERE false;
            CREATE FUNCTION reports.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.role := 'x'; RETURN NEW; END $$;
            CREATE TRIGGER trg_totals_touch BEFORE INSERT ON reports.totals FOR EACH ROW EXECUTE FUNCTION reports.touch();
            SET ROLE NONE;
            """);
        folder.Write("Migrations/0002_everyday.down.sql", """
            ALTER DEFAULT PRIVILEGES IN SCHEMA reports REVOKE SELECT ON TABLES FROM PUBLIC;
            DROP SCHEMA reports CASCADE;
            DROP EXTENSION citext;
            DROP EXTENSION pgcrypto;
            """);

        var result = await CheckAsync(folder, ProviderNamed(providerName));

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    [DataRow("COPY users FROM STDIN")]
    [DataRow("COPY (SELECT id FROM users) TO STDOUT WITH (FORMAT csv)")]
    public async Task A_copy_with_the_client_is_allowed_but_cannot_run_and_says_so_at_its_statement(string statement)
    {
        using var folder = new TemporaryFolder();
        WriteBase(folder);
        var up = folder.Write("Migrations/0002_seed.up.sql", $"INSERT INTO users VALUES (1);\n{statement};\n");
        folder.Write("Migrations/0002_seed.down.sql", "DELETE FROM users;\n");

        var result = await CheckAsync(folder, PostgreSqlTestServer.ConfinedProvider);

        var failed = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("MIG2001", failed.Code, failed.ToString());
        Assert.AreEqual(new SourceLocation(up, 2, 1), failed.Location! with { EndLine = null, EndColumn = null });
        StringAssert.Contains(failed.Message, "write the rows as INSERT statements");
    }

    /// <summary>0001: the users table (every folder starts with a passing migration).</summary>
    private static void WriteBase(TemporaryFolder folder)
    {
        folder.Write("Migrations/0001_base.up.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
        folder.Write("Migrations/0001_base.down.sql", "DROP TABLE users;\n");
    }
}
