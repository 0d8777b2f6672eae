using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>Each up, down and up again starts on a fresh connection state, as a runner's new connection does: the
/// temporary tables, views and triggers a script makes never reach the next script.</summary>
[TestClass]
public sealed class SqliteSessionStateCheckTests
{
    private static readonly SqliteProvider Sqlite = new();

    [TestMethod]
    [DataRow("", DisplayName = "in a transaction")]
    [DataRow("-- migrations: no-transaction\n", DisplayName = "without a transaction")]
    public async Task An_up_that_stages_rows_in_temporary_objects_applies_again_after_its_down(string header)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE users;\n");
        folder.Write(
            "Migrations/0002_items.up.sql",
            header + "CREATE TEMP TABLE staging (id INTEGER);\nINSERT INTO staging VALUES (1), (2);\nCREATE TEMPORARY VIEW staged AS SELECT id FROM staging;\n" +
            "CREATE TABLE items (id INTEGER PRIMARY KEY);\nCREATE TEMP TRIGGER items_seen AFTER INSERT ON items BEGIN SELECT 1; END;\n" +
            "INSERT INTO items SELECT id FROM staged;\n");
        folder.Write("Migrations/0002_items.down.sql", header + "DROP TABLE items;\n");
        folder.Write("Migrations/0003_note.up.sql", "ALTER TABLE users ADD COLUMN note TEXT;\n"); // no down: the proofs above go one by one

        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = Sqlite.DisplayName };
        var result = await CheckComposition.RunAsync(request, Sqlite, CancellationToken.None);

        var all = string.Join("\n", result.Diagnostics);
        CollectionAssert.AreEqual(new[] { "MIG1003" }, result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.Code).ToArray(), all);
        Assert.AreEqual("downgrades 2/3 proven (1 without down)", result.Checks.Single(c => c.Check == "downgrade").Summary, all);
    }
}
