using Migrations.Build.Diagnostics;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>A diesel history through the whole check on SQLite: every folder is applied, downgraded and compared
/// with the model, and a broken down in it is found (these folders were once skipped as "not a migration").</summary>
[TestClass]
public sealed class SqliteDieselLayoutCheckTests
{
    private const string Users = SqliteFolderCheck.Users;
    private const string Posts = "CREATE TABLE posts (\n    id INTEGER PRIMARY KEY,\n    user_id INTEGER NOT NULL REFERENCES users (id)\n);\n";
    private const string Index = "CREATE INDEX ix_posts_user ON posts (user_id);\n";

    private static TemporaryFolder DieselHistory(string lastDown)
    {
        var folder = new TemporaryFolder();
        folder.Write("Migrations/00000000000000_diesel_initial_setup/up.sql", "CREATE TABLE setup_marker (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/00000000000000_diesel_initial_setup/down.sql", "DROP TABLE setup_marker;\n");
        folder.Write("Migrations/2019-02-26-002946_create_users/up.sql", Users);
        folder.Write("Migrations/2019-02-26-002946_create_users/down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/2024-03-13_170000_create_posts/up.sql", Posts + Index);
        folder.Write("Migrations/2024-03-13_170000_create_posts/down.sql", lastDown);
        folder.Write("schema.sql", "CREATE TABLE setup_marker (id INTEGER PRIMARY KEY);\n" + Users + Posts + Index);
        return folder;
    }

    [TestMethod]
    public async Task Diesel_history_is_applied_downgraded_and_matches_the_model()
    {
        using var folder = DieselHistory("DROP INDEX ix_posts_user;\nDROP TABLE posts;\n");

        var result = await SqliteFolderCheck.RunAsync(folder);

        var findings = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();
        Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        Assert.AreEqual("downgrades 3/3 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary);
    }

    [TestMethod]
    public async Task Diesel_down_that_forgets_a_table_is_reported_at_its_folder()
    {
        using var folder = DieselHistory("DROP INDEX ix_posts_user;\n");

        var result = await SqliteFolderCheck.RunAsync(folder);

        var error = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        StringAssert.Contains(error.Location!.Path, "2024-03-13_170000_create_posts");
        StringAssert.Contains(error.Message, "posts");
    }
}
