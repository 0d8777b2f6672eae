using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

[TestClass]
public sealed class SqliteCheckCases : CheckCases
{
    private static readonly SqliteProvider Sqlite = new();

    protected override IDatabaseProvider Provider => Sqlite;

    protected override string CreateTrigger =>
        "CREATE TRIGGER trg_users_audit AFTER INSERT ON users\nBEGIN\n    UPDATE users SET email = lower(email) WHERE id = NEW.id;\nEND;\n";

    protected override string DropTrigger => "DROP TRIGGER trg_users_audit;\n";

    [TestMethod]
    public async Task Failing_up_prints_the_canonical_error_line()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n\n\n\n\n\n\nINSERT INTO accounts VALUES (1);\n");
        var up = Path.Combine(folder.Path, "Migrations", "0001_create_users.up.sql");
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");

        var result = await RunAsync(folder, withModel: false);

        Assert.AreEqual(
            $"{up}(8,1): error MIG2001: Migration 0001_create_users failed: no such table: accounts",
            result.Diagnostics.Single(d => d.Code == "MIG2001").ToString());
    }

    [TestMethod]
    public async Task Passing_run_locks_the_history_and_an_edit_of_a_released_migration_then_fails()
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");

        var first = await RunAsync(folder, withModel: false, configure: r => r with { UpdateLock = true });
        File.WriteAllText(up, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        var second = await RunAsync(folder, withModel: false);

        Assert.AreEqual(0, first.ErrorCount, string.Join("\n", first.Diagnostics));
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder.Path, "Migrations", "migrations.lock")), "create_users");
        Assert.AreEqual("MIG1007", second.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).Code);
    }
}
