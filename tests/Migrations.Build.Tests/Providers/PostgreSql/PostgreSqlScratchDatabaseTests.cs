using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.PostgreSql.Fingerprint;
using Npgsql;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Providers.PostgreSql;

[TestClass]
public sealed class PostgreSqlScratchDatabaseTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();

    [TestMethod]
    public async Task A_scratch_database_is_created_with_the_prefix_used_and_dropped_on_dispose()
    {
        string name;
        await using (var database = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None))
        {
            name = database.Name;
            StringAssert.Matches(name, new System.Text.RegularExpressions.Regex(@"^migrations_build_\d{14}_[a-z0-9]{6}_[0-9a-f]{8}_[0-9a-z]+_[0-9a-z]+$"));
            await database.ExecuteAsync(Script("CREATE TABLE marker (id int)"), CancellationToken.None);
            Assert.IsTrue(await ExistsAsync(name));
            Assert.IsTrue(await TableExistsInAsync(name, "marker"));
        }

        Assert.IsFalse(await ExistsAsync(name), "the scratch database should be dropped");
        Assert.IsFalse(await TableExistsInAsync(Provider.Settings.Database!, "marker"), "no DDL in the server's own database");
    }

    [TestMethod]
    public async Task A_scratch_database_is_dropped_after_a_failed_statement_inside_a_transaction()
    {
        string name;
        await using (var database = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None))
        {
            name = database.Name;
            await database.BeginTransactionAsync(CancellationToken.None);
            await Assert.ThrowsExactlyAsync<StatementFailedException>(
                () => database.ExecuteAsync(Script("SELECT * FROM missing"), CancellationToken.None));
            Assert.IsTrue(database.InTransaction);
        }

        Assert.IsFalse(await ExistsAsync(name));
    }

    [TestMethod]
    public async Task A_failing_statement_is_reported_at_the_servers_error_position()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        var script = Script(
            "CREATE TABLE users (id int)",
            "-- the column is misspelled\nSELECT id,\n       emial FROM users");

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() => database.ExecuteAsync(script, CancellationToken.None));

        Assert.AreEqual(new Diagnostics.SourceLocation("test.sql", 4, 8), failure.Location);
        Assert.AreEqual("column \"emial\" does not exist (42703)", failure.Message);
        Assert.AreSame(script.Statements[1], failure.Statement);
    }

    [TestMethod]
    public async Task The_message_of_a_failure_carries_the_servers_detail_and_hint()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        var script = Script(
            "CREATE TABLE parent (id int PRIMARY KEY)",
            "CREATE TABLE child (parent_id int REFERENCES parent)",
            "INSERT INTO child VALUES (7)");

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() => database.ExecuteAsync(script, CancellationToken.None));

        StringAssert.Contains(failure.Message, "violates foreign key constraint \"child_parent_id_fkey\"");
        StringAssert.Contains(failure.Message, "Detail: Key (parent_id)=(7) is not present in table \"parent\".");
        Assert.AreEqual(3, failure.Location.Line);
    }

    [TestMethod]
    public async Task A_rollback_to_a_savepoint_undoes_only_the_later_statements()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.BeginTransactionAsync(CancellationToken.None);
        await database.ExecuteAsync(Script("CREATE TABLE kept (id int)"), CancellationToken.None);
        await database.SavepointAsync("before_up", CancellationToken.None);
        await database.ExecuteAsync(Script("CREATE TABLE undone (id int)"), CancellationToken.None);
        await database.RollbackToSavepointAsync("before_up", CancellationToken.None);
        await database.CommitAsync(CancellationToken.None);

        var schema = await database.ReadSchemaAsync(CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "kept" }, schema.Tables.Select(t => t.Name.Name).ToArray());
        Assert.IsFalse(database.InTransaction);
    }

    [TestMethod]
    public async Task A_concurrent_index_runs_outside_a_transaction_and_is_flagged()
    {
        var statement = new SqlStatement("CREATE INDEX CONCURRENTLY t_c_idx ON t (c)", new Diagnostics.SourceLocation("up.sql"));
        Assert.IsTrue(Provider.RequiresNoTransaction(statement));

        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script("CREATE TABLE t (c int)"), CancellationToken.None);
        await database.ExecuteAsync(new SqlScript("up.sql", new[] { statement }), CancellationToken.None);
        var schema = await database.ReadSchemaAsync(CancellationToken.None);

        Assert.AreEqual("t_c_idx", schema.Tables[0].Indexes[0].Name);
    }

    [TestMethod]
    public async Task Fingerprints_are_equal_for_equal_schemas_and_differ_otherwise()
    {
        await using var first = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await using var second = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await first.ExecuteAsync(Script("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)"), CancellationToken.None);
        await second.ExecuteAsync(Script("create table T (ID integer not null, NAME text not null, primary key (id))"), CancellationToken.None);

        var a = await first.ReadFingerprintAsync(CancellationToken.None);
        Assert.AreEqual(a, await second.ReadFingerprintAsync(CancellationToken.None));
        StringAssert.Matches(a, new System.Text.RegularExpressions.Regex("^[0-9]+ [0-9a-f]{32}$"), "a count of definitions and their md5");

        await second.ExecuteAsync(Script("ALTER TABLE t ADD COLUMN extra int"), CancellationToken.None);
        Assert.AreNotEqual(a, await second.ReadFingerprintAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task Databases_of_dead_owners_here_and_stale_ones_elsewhere_are_swept_but_live_recent_and_foreign_ones_are_kept()
    {
        var now = DateTime.UtcNow;
        var self = OwnerProcess.Current;
        using var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "0.2"))!;
        var dead = self with { ProcessId = exited.Id, StartUtc = exited.StartTime.ToUniversalTime() };
        await exited.WaitForExitAsync();
        var reused = self with { StartUtc = self.StartUtc.AddMinutes(-10) };
        var elsewhere = self with { Host = self.Host == "00000000" ? "11111111" : "00000000" };

        var deadHere = ScratchDatabaseName.New(now.AddMinutes(-1), dead);
        var reusedHere = ScratchDatabaseName.New(now.AddMinutes(-1), reused);
        var oldUnowned = "migrations_build_" + now.AddHours(-2).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "_abcdefgh";
        var staleElsewhere = ScratchDatabaseName.New(now.AddHours(-2), elsewhere);
        var live = ScratchDatabaseName.New(now.AddHours(-2), self);
        var recentElsewhere = ScratchDatabaseName.New(now.AddMinutes(-5), elsewhere);
        var foreign = "migrations_build_keep_" + Guid.NewGuid().ToString("N")[..8];
        string[] swept = [deadHere, reusedHere, oldUnowned, staleElsewhere];
        string[] kept = [live, recentElsewhere, foreign];
        foreach (var name in swept.Concat(kept))
        {
            Assert.IsLessThanOrEqualTo(63, System.Text.Encoding.UTF8.GetByteCount(name), name);
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        }

        try
        {
            var dropped = await ScratchDatabaseSweeper.SweepAsync(Provider.Server, Provider.ServerVersion, now, CancellationToken.None);

            foreach (var name in swept)
            {
                CollectionAssert.Contains(dropped.ToList(), name);
                Assert.IsFalse(await ExistsAsync(name), name);
            }

            foreach (var name in kept)
            {
                Assert.IsTrue(await ExistsAsync(name), name);
            }
        }
        finally
        {
            foreach (var name in swept.Concat(kept))
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\"");
            }
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var command = Provider.Server.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(string database)
    {
        await using var command = Provider.Server.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private static async Task<bool> TableExistsInAsync(string database, string table)
    {
        var settings = new NpgsqlConnectionStringBuilder(Provider.Settings.ConnectionString) { Database = database, Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [TestMethod]
    public async Task A_superuser_tracks_DDL_and_otherwise_a_short_history_reads_the_whole_fingerprint()
    {
        await using var tracked = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await tracked.ExpectMigrationsAsync(1, CancellationToken.None);
        // A server given with a role that may create databases but is no superuser (what the docs advise).
        await using var creator = await PostgreSqlConfinementRuns.CreatorProviderAsync();
        await using var plain = (PostgreSqlScratchDatabase)await creator.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await plain.ExpectMigrationsAsync(SchemaFingerprintFactory.ScannedFrom - 1, CancellationToken.None);
        await using var plainLong = (PostgreSqlScratchDatabase)await creator.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await plainLong.ExpectMigrationsAsync(SchemaFingerprintFactory.ScannedFrom, CancellationToken.None);
        await using var confined = (PostgreSqlScratchDatabase)await PostgreSqlTestServer.ConfinedProvider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await confined.ExpectMigrationsAsync(1, CancellationToken.None);

        Assert.AreEqual(FingerprintMethod.Tracked, tracked.Fingerprint.Method, "a superuser's database tracks DDL, whatever its history");
        Assert.AreEqual(FingerprintMethod.Whole, plain.Fingerprint.Method, "without event triggers a short history reads everything");
        Assert.AreEqual(FingerprintMethod.Scanned, plainLong.Fingerprint.Method, "and a long one scans the catalogs");
        Assert.AreEqual(FingerprintMethod.Tracked, confined.Fingerprint.Method, "on the engine's own cluster the superuser installs the triggers for the runner role");
        string[] statements = ["CREATE TABLE t (id int PRIMARY KEY, v text)", "CREATE INDEX ix_t_v ON t (v)"];
        foreach (var database in new[] { tracked, plain, confined })
        {
            var empty = await database.ReadFingerprintAsync(CancellationToken.None);
            await database.ExecuteAsync(PostgreSqlTestServer.Script(statements), CancellationToken.None);
            Assert.AreNotEqual(empty, await database.ReadFingerprintAsync(CancellationToken.None));
        }

        Assert.AreEqual(1, tracked.FullFingerprintReads(), "only the first tracked read is a full one");
        Assert.AreEqual(1, confined.FullFingerprintReads(), "the runner role's DDL is tracked: only the first read is a full one");
        Assert.AreEqual(0, plain.FullFingerprintReads(), "the whole fingerprint is not an incremental one");
    }
}
