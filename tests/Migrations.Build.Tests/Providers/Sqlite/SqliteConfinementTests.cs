using Microsoft.Data.Sqlite;
using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>Statements that would reach outside the SQLite scratch database are refused before they run, and what
/// they aimed at is left as it was.</summary>
[TestClass]
public sealed class SqliteConfinementTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    [DataRow("ATTACH '{victim}' AS v; DELETE FROM v.important;", "attaches the database file")]
    [DataRow("ATTACH DATABASE '{victim}' AS v", "attaches the database file")]
    [DataRow("CREATE TABLE t(id INTEGER); VACUUM INTO '{victim}'", "attaches the database file")]
    [DataRow("SELECT load_extension('{victim}')", "loads a native extension")]
    [DataRow("PRAGMA temp_store_directory = '{folder}'", "changes where the whole process writes its files")]
    public async Task Statement_that_reaches_another_file_is_refused_and_the_file_is_untouched(string sql, string reason)
    {
        using var folder = new TemporaryFolder();
        var victim = Path.Combine(folder.Path, "victim.db");
        CreateVictim(victim);
        var before = File.ReadAllBytes(victim);
        await using var database = new SqliteScratchDatabase();

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() =>
            database.ExecuteAsync(SqliteTestDatabase.Script(sql.Replace("{victim}", victim).Replace("{folder}", folder.Path), "0002_x.up.sql"), None));

        Assert.IsTrue(failure.Refused, failure.Message);
        StringAssert.Contains(failure.Message, reason);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(victim));
        CollectionAssert.AreEqual(new[] { "victim.db" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public async Task Attaching_a_new_file_creates_nothing_in_the_working_directory()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "x.db");
        await using var database = new SqliteScratchDatabase();

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() =>
            database.ExecuteAsync(SqliteTestDatabase.Script($"ATTACH '{target}' AS x; CREATE TABLE x.t(id INTEGER);"), None));

        Assert.IsTrue(failure.Refused);
        Assert.IsFalse(File.Exists(target));
    }

    [TestMethod]
    [DataRow("CREATE TABLE t(id INTEGER); VACUUM")]
    [DataRow("ATTACH ':memory:' AS scratch; CREATE TABLE scratch.t(id INTEGER); DETACH scratch")]
    [DataRow("ATTACH '' AS scratch; DETACH scratch")]
    [DataRow("PRAGMA foreign_keys = OFF; PRAGMA foreign_keys = ON")]
    public async Task Statements_that_stay_inside_the_scratch_database_still_run(string sql)
    {
        await using var database = new SqliteScratchDatabase();

        await database.ExecuteAsync(SqliteTestDatabase.Script(sql), None);
    }

    [TestMethod]
    public async Task A_refused_statement_in_an_up_is_MIG2003_at_its_line_and_the_victim_keeps_its_rows()
    {
        using var folder = new TemporaryFolder();
        var victim = Path.Combine(folder.Path, "victim.db");
        CreateVictim(victim);
        folder.Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
        var up = folder.Write("Migrations/0002_steal.up.sql", $"CREATE TABLE notes (id INTEGER);\n\nATTACH '{victim}' AS v;\nDELETE FROM v.important;\n");
        folder.Write("Migrations/0002_steal.down.sql", "DROP TABLE notes;\n");

        var result = await CheckComposition.RunAsync(new ValidationRequest(Path.Combine(folder.Path, "Migrations")), progress: null, None);

        var refused = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("MIG2003", refused.Code);
        Assert.AreEqual(new SourceLocation(up, 3, 1), refused.Location);
        StringAssert.Contains(refused.Message, "Migration 0002_steal failed: refused: it attaches the database file");
        Assert.AreEqual(3, CountRows(victim));
    }

    private static void CreateVictim(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE important (id INTEGER); INSERT INTO important VALUES (1), (2), (3);";
        command.ExecuteNonQuery();
    }

    private static long CountRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM important";
        return (long)command.ExecuteScalar()!;
    }
}
