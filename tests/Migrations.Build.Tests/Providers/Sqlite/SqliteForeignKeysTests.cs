using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Tests.Cli;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>SQLite's scratch databases enforce foreign keys unless the project migrates without them
/// (<c>MigrationsSqliteForeignKeys</c>, <c>--sqlite-foreign-keys</c>): a table rebuild that drops a referenced parent
/// fails with them on and is correct with them off, as such a project runs it.</summary>
[TestClass]
public sealed class SqliteForeignKeysTests
{
    // The rebuild of a referenced table, as projects that run with foreign keys off write it (no PRAGMA of its own).
    private const string Rebuild =
        "CREATE TABLE parents_new (id INTEGER PRIMARY KEY, name TEXT);\n" +
        "INSERT INTO parents_new (id) SELECT id FROM parents;\n" +
        "DROP TABLE parents;\n" +
        "ALTER TABLE parents_new RENAME TO parents;\n";

    private const string RebuildBack =
        "CREATE TABLE parents_old (id INTEGER PRIMARY KEY);\n" +
        "INSERT INTO parents_old (id) SELECT id FROM parents;\n" +
        "DROP TABLE parents;\n" +
        "ALTER TABLE parents_old RENAME TO parents;\n";

    [TestMethod]
    [DataRow(true, 1)]
    [DataRow(false, 0)]
    public async Task A_rebuild_of_a_referenced_table_fails_only_with_foreign_keys_on(bool foreignKeys, int errors)
    {
        using var folder = new TemporaryFolder();
        WriteHistory(folder.Write);

        var result = await CheckComposition.RunAsync(
            new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { SqliteForeignKeys = foreignKeys },
            progress: null,
            CancellationToken.None);

        Assert.AreEqual(errors, result.ErrorCount, string.Join("\n", result.Diagnostics));
        if (foreignKeys)
        {
            var failed = result.Diagnostics.Single(d => d.Code == "MIG2001");
            Assert.AreEqual(3, failed.Location!.Line, failed.ToString());
            StringAssert.Contains(failed.Message, "FOREIGN KEY constraint failed");
        }
    }

    [TestMethod]
    public async Task The_command_line_turns_foreign_keys_off_with_sqlite_foreign_keys_false()
    {
        using var workspace = new CliWorkspace();
        WriteHistory((path, text) => workspace.Write(path, text));

        var on = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);
        var off = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--sqlite-foreign-keys", "false");

        Assert.AreEqual(1, on.ExitCode, on.ToString());
        Assert.Contains("0002_rebuild_parents.up.sql(3,1): error MIG2001", on.AllText, on.ToString());
        Assert.AreEqual(0, off.ExitCode, off.ToString());
        Assert.Contains("2/2 proven", off.AllText, off.ToString());
    }

    [TestMethod]
    public async Task A_value_that_is_not_true_or_false_is_a_usage_error()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--sqlite-foreign-keys", "off");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("off", run.AllText, run.ToString());
        run.AssertNoStackTrace();
    }

    private static void WriteHistory(Func<string, string, string> write)
    {
        write("Migrations/0001_family.up.sql",
            "CREATE TABLE parents (id INTEGER PRIMARY KEY);\n" +
            "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id));\n" +
            "INSERT INTO parents (id) VALUES (1);\n" +
            "INSERT INTO children (id, parent_id) VALUES (1, 1);\n");
        write("Migrations/0001_family.down.sql", "DROP TABLE children;\nDROP TABLE parents;\n");
        write("Migrations/0002_rebuild_parents.up.sql", Rebuild);
        write("Migrations/0002_rebuild_parents.down.sql", RebuildBack);
    }
}
