using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Unit.Migrations;

/// <summary>The by-name layout with the names real runners' folders have: DbUp's <c>Script0001 - Create tables.sql</c>,
/// numbers without a name, several files per number.</summary>
[TestClass]
public sealed class ByNameLayoutDiscoveryTests
{
    private static MigrationSet Discover(TemporaryFolder folder) =>
        MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, MigrationLayouts.ByName);

    private static string Diagnostics(MigrationSet set) => string.Join("\n", set.Diagnostics);

    [TestMethod]
    public void DbUp_scripts_with_spaces_in_their_names_are_up_only_migrations_in_name_order()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Script0002 - Add index.sql", "CREATE INDEX ix_users ON users (email);\n");
        var first = folder.Write("Script0001 - Create tables.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n");
        folder.Write("Script0003 - Seed  two spaces.sql", "INSERT INTO users (email) VALUES ('a@example.org');\n");

        var set = Discover(folder);

        CollectionAssert.AreEqual(
            new[] { "Script0001 - Create tables", "Script0002 - Add index", "Script0003 - Seed  two spaces" },
            set.Migrations.Select(m => m.ToString()).ToArray(),
            Diagnostics(set));
        Assert.IsTrue(set.Migrations.All(m => m.Layout == MigrationLayouts.ByName && m.Down is null));
        Assert.AreEqual(first, set.Migrations[0].Up.Path);
        Assert.AreEqual(3, set.Diagnostics.Count(d => d.Descriptor == DiagnosticCodes.MissingDown), Diagnostics(set));
        Assert.AreEqual(3, set.Diagnostics.Count, Diagnostics(set));
        StringAssert.Contains(set.Diagnostics[0].Message, "(expected Script0001 - Create tables.down.sql)");
    }

    [TestMethod]
    public void Several_files_per_number_are_distinct_migrations_in_name_order_each_with_its_down()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001_b.up.sql", "CREATE TABLE b (x int);");
        folder.Write("0001_b.down.sql", "DROP TABLE b;");
        folder.Write("0001_a.up.sql", "CREATE TABLE a (x int);");
        folder.Write("0001_a.down.sql", "DROP TABLE a;");
        folder.Write("0002.up.sql", "CREATE TABLE c (x int);");
        folder.Write("0002.down.sql", "DROP TABLE c;");

        var set = Discover(folder);

        Assert.AreEqual(0, set.Diagnostics.Count, Diagnostics(set));
        CollectionAssert.AreEqual(new[] { "0001_a", "0001_b", "0002" }, set.Migrations.Select(m => m.Version.Text).ToArray());
        CollectionAssert.AreEqual(
            new[] { "DROP TABLE a", "DROP TABLE b", "DROP TABLE c" },
            set.Migrations.Select(m => m.Down!.Statements.Single().Text).ToArray());
    }

    [TestMethod]
    public void A_number_without_a_name_is_a_migration()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0157.up.sql", "CREATE TABLE a (x int);");
        folder.Write("0157.down.sql", "DROP TABLE a;");

        var migration = MigrationDiscoveryLayoutTests.DiscoverClean(folder, MigrationLayouts.ByName).Migrations.Single();

        Assert.AreEqual("0157", migration.Version.Text);
        Assert.AreEqual("0157", migration.ToString());
        Assert.IsNotNull(migration.Down);
    }

    [TestMethod]
    public void Names_sort_as_text_not_as_numbers_as_runners_that_apply_files_by_name_do()
    {
        using var folder = new TemporaryFolder();
        foreach (var name in new[] { "Script9.sql", "Script10.sql", "script1.sql", "Script1 - x.sql", "Script1.sql" })
        {
            folder.Write(name, "SELECT 1;");
        }

        var set = Discover(folder);

        CollectionAssert.AreEqual(
            new[] { "Script1 - x", "Script1", "Script10", "Script9", "script1" },
            set.Migrations.Select(m => m.Version.Text).ToArray(),
            Diagnostics(set));
    }

    [TestMethod]
    public void An_up_only_script_pairs_with_a_down_of_the_same_name()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001 create.sql", "CREATE TABLE a (x int);");
        folder.Write("0001 create.DOWN.sql", "DROP TABLE a;");

        var migration = MigrationDiscoveryLayoutTests.DiscoverClean(folder, MigrationLayouts.ByName).Migrations.Single();

        Assert.AreEqual("DROP TABLE a", migration.Down!.Statements.Single().Text);
    }

    [TestMethod]
    public void A_down_without_its_up_is_an_error_at_the_down()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001.sql", "CREATE TABLE a (x int);");
        var orphan = folder.Write("0002_gone.down.sql", "DROP TABLE b;");

        var set = Discover(folder);

        var diagnostic = set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.DownWithoutUp);
        Assert.AreEqual($"{orphan}(1,1): error MIG1002: 0002_gone.down.sql has no up script (expected 0002_gone.up.sql or 0002_gone.sql)", diagnostic.ToString());
    }

    [TestMethod]
    public void The_same_name_as_an_up_and_as_a_script_is_a_duplicate()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001.sql", "CREATE TABLE a (x int);");
        folder.Write("0001.up.sql", "CREATE TABLE a (x int);");

        var set = Discover(folder);

        StringAssert.Contains(set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.DuplicateVersion).Message, "0001.sql and 0001.up.sql have the same version 0001");
    }

    [TestMethod]
    public void By_name_reads_only_the_sql_files_of_the_directory_itself()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001.sql", "CREATE TABLE a (x int);");
        var nested = folder.Write("archive/0000.sql", "CREATE TABLE old (x int);");
        var readme = folder.Write("README.md", "# scripts");

        var set = Discover(folder);

        Assert.AreEqual("0001", set.Migrations.Single().Version.Text);
        var error = set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.UnrecognizedFile);
        Assert.AreEqual(new SourceLocation(Path.GetDirectoryName(nested)!), error.Location);
        StringAssert.Contains(error.Message, "archive/ is a folder that is not a migration (the by-name layout reads the .sql files directly in the migrations directory");
        Assert.AreEqual(new SourceLocation(readme), set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.UnseenFiles).Location);
    }

    [TestMethod]
    public void By_name_is_never_detected()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Script0001 - Create tables.sql", "CREATE TABLE a (x int);");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        Assert.AreEqual(0, set.Migrations.Count);
        var error = set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.UnrecognizedFile);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        StringAssert.Contains(error.Message, "scripts applied in name order need MigrationsLayout (--layout) by-name");
        Assert.AreEqual(DiagnosticSeverity.Error, set.Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.NoMigrations).Severity);
    }

    [TestMethod]
    public void By_name_is_a_known_layout_name()
    {
        Assert.IsTrue(MigrationLayouts.IsKnown("by-name"));
        Assert.IsTrue(MigrationLayouts.IsKnown("BY-NAME"));
    }
}
