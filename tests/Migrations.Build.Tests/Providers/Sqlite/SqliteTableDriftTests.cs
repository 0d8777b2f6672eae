using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>Drift in a table's own attributes (not its columns or constraints), checked end to end on SQLite.</summary>
[TestClass]
public sealed class SqliteTableDriftTests
{
    [TestMethod]
    public async Task Model_table_marked_strict_against_a_migrated_plain_table_is_one_difference()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
        var model = folder.Write("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL) STRICT;\n");
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { ModelPath = model, Provider = "Sqlite" };

        await using var provider = new SqliteProvider();
        var result = await CheckComposition.RunAsync(request, provider, CancellationToken.None);

        var drift = result.Diagnostics.Where(d => d.Code.StartsWith("MIG3", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, drift.Count, string.Join("\n", result.Diagnostics));
        Assert.AreEqual($"{model}(1,1): error MIG3004: Table users: options STRICT in the model, none after migrations.", drift[0].ToString());
        Assert.AreEqual("drift 1", result.Checks.Single(c => c.Check == "drift").Summary);
    }
}
