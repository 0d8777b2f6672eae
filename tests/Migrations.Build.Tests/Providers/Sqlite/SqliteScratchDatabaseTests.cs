using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Providers.Sqlite;

[TestClass]
public sealed class SqliteScratchDatabaseTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    public async Task Failing_statement_reports_its_location_and_the_engine_message()
    {
        await using var database = new SqliteScratchDatabase();
        var script = new SqlScript("0002_add.up.sql", ValueList.Of(
            new SqlStatement("CREATE TABLE a(id INT);", new SourceLocation("0002_add.up.sql", 1, 1)),
            new SqlStatement("INSERT INTO users(id) VALUES (1);", new SourceLocation("0002_add.up.sql", 3, 5))));

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() => database.ExecuteAsync(script, None));

        Assert.AreEqual("no such table: users", failure.Message);
        Assert.AreEqual(new SourceLocation("0002_add.up.sql", 3, 5), failure.Location);
        Assert.AreSame(script.Statements[1], failure.Statement);
    }

    [TestMethod]
    public async Task Failure_in_a_later_command_of_one_statement_points_at_that_command()
    {
        await using var database = new SqliteScratchDatabase();
        var statement = new SqlStatement("CREATE TABLE a(id INT);\n  -- then\n  DROP TABLE missing;", new SourceLocation("x.sql", 10, 1));

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(
            () => database.ExecuteAsync(new SqlScript("x.sql", ValueList.Of(statement)), None));

        Assert.AreEqual("no such table: missing", failure.Message);
        Assert.AreEqual(new SourceLocation("x.sql", 12, 3), failure.Location);
    }

    [TestMethod]
    public async Task Every_command_of_a_statement_runs()
    {
        await using var database = new SqliteScratchDatabase();

        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE a(id INT); CREATE TABLE b(id INT);\nCREATE TABLE c(id INT)"), None);

        var schema = await database.ReadSchemaAsync(None);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, schema.Tables.Select(t => t.Name.Name).ToArray());
    }

    [TestMethod]
    public async Task A_cancelled_execution_stops_before_the_next_statement()
    {
        await using var database = new SqliteScratchDatabase();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE t(id INT)"), cancelled.Token));

        Assert.AreEqual(string.Empty, await database.ReadFingerprintAsync(None));
    }

    [TestMethod]
    public async Task Foreign_keys_are_enforced()
    {
        await using var database = new SqliteScratchDatabase();
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id));"), None);

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(
            () => database.ExecuteAsync(SqliteTestDatabase.Script("INSERT INTO c VALUES (42)"), None));

        StringAssert.Contains(failure.Message, "FOREIGN KEY constraint failed");
    }

    [TestMethod]
    public async Task Rolling_back_to_a_savepoint_restores_the_fingerprint()
    {
        await using var database = new SqliteScratchDatabase();
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE kept(id INT)"), None);
        await database.BeginTransactionAsync(None);
        Assert.IsTrue(database.InTransaction);
        var before = await database.ReadFingerprintAsync(None);

        await database.SavepointAsync("before_up", None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE added(id INT); CREATE INDEX ix ON kept(id)"), None);
        var during = await database.ReadFingerprintAsync(None);
        await database.RollbackToSavepointAsync("before_up", None);
        var after = await database.ReadFingerprintAsync(None);

        Assert.AreNotEqual(before, during);
        Assert.AreEqual(before, after);
        Assert.IsTrue(database.InTransaction, "rolling back to a savepoint keeps the transaction open");
        await database.CommitAsync(None);
        Assert.IsFalse(database.InTransaction);
    }

    [TestMethod]
    public async Task Rollback_undoes_the_transaction()
    {
        await using var database = new SqliteScratchDatabase();
        var empty = await database.ReadFingerprintAsync(None);
        await database.BeginTransactionAsync(None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE t(id INT)"), None);

        await database.RollbackAsync(None);

        Assert.AreEqual(empty, await database.ReadFingerprintAsync(None));
        Assert.IsFalse(database.InTransaction);
    }

    [TestMethod]
    public async Task Fingerprint_changes_with_the_schema_but_not_with_data()
    {
        await using var database = new SqliteScratchDatabase();
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"), None);
        var created = await database.ReadFingerprintAsync(None);

        await database.ExecuteAsync(SqliteTestDatabase.Script("INSERT INTO t(v) VALUES ('x'); ANALYZE;"), None);
        var withData = await database.ReadFingerprintAsync(None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("ALTER TABLE t ADD COLUMN w INT"), None);

        Assert.AreEqual(created, withData, "sqlite_sequence and sqlite_stat* are not part of the fingerprint");
        Assert.AreNotEqual(withData, await database.ReadFingerprintAsync(None));
    }

    [TestMethod]
    public async Task Scratch_databases_are_private_to_each_other()
    {
        await using var first = new SqliteScratchDatabase();
        await using var second = new SqliteScratchDatabase();

        await first.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE only_here(id INT)"), None);

        Assert.AreEqual(0, (await second.ReadSchemaAsync(None)).Tables.Count);
    }

    [TestMethod]
    public async Task A_file_database_can_be_used_for_debugging_but_must_start_empty()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrations-build-{Guid.NewGuid():N}.db");
        try
        {
            await using (var database = new SqliteScratchDatabase(path))
            {
                await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE t(id INT)"), None);
            }

            Assert.IsTrue(File.Exists(path));
            var refused = Assert.ThrowsExactly<ProviderSetupException>(() => new SqliteScratchDatabase(path));
            Assert.AreEqual(DiagnosticCodes.ScratchDatabaseFailed, refused.Descriptor);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
