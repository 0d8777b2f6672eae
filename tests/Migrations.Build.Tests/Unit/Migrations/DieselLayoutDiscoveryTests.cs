using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class DieselLayoutDiscoveryTests
{
    private static MigrationSet DiscoverClean(TemporaryFolder folder, string? layout = null) =>
        MigrationDiscoveryLayoutTests.DiscoverClean(folder, layout);

    private static void WriteMigration(TemporaryFolder folder, string name, string table)
    {
        folder.Write($"{name}/up.sql", $"CREATE TABLE {table} (id int);\n");
        folder.Write($"{name}/down.sql", $"DROP TABLE {table};\n");
    }

    [TestMethod]
    [DataRow("2019-02-26-002946_create_users", "20190226002946", "create_users", DisplayName = "diesel's default %Y-%m-%d-%H%M%S")]
    [DataRow("2019-02-26-000000_create_users", "20190226000000", "create_users", DisplayName = "midnight timestamp")]
    [DataRow("2024-03-13_170000_create_users", "20240313170000", "create_users", DisplayName = "underscore between date and time")]
    [DataRow("00000000000000_diesel_initial_setup", "00000000000000", "diesel_initial_setup", DisplayName = "diesel's initial setup")]
    public void Diesel_folder_name_gives_diesels_version_and_name(string folderName, string version, string name)
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, folderName, "users");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.AreEqual(MigrationLayouts.Diesel, migration.Layout);
        Assert.AreEqual(version, migration.Version.Text);
        Assert.AreEqual(name, migration.Name);
        Assert.AreEqual("DROP TABLE users", migration.Down!.Statements.Single().Text);
    }

    [TestMethod]
    public void Diesel_history_in_all_folder_name_forms_is_ordered_by_timestamp()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2024-03-13_170000_create_leads", "leads");
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        WriteMigration(folder, "00000000000000_diesel_initial_setup", "setup");
        WriteMigration(folder, "2019-02-26-000000_create_teams", "teams");

        var set = DiscoverClean(folder);

        CollectionAssert.AreEqual(
            new[] { "00000000000000", "20190226000000", "20190226002946", "20240313170000" },
            set.Migrations.Select(m => m.Version.Text).ToArray());
        CollectionAssert.AreEqual(
            new[] { "diesel_initial_setup", "create_teams", "create_users", "create_leads" },
            set.Migrations.Select(m => m.Name).ToArray());
        Assert.IsTrue(set.Migrations.All(m => m.Layout == MigrationLayouts.Diesel));
    }

    [TestMethod]
    public void Forced_diesel_layout_takes_a_folder_named_by_digits_too()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        WriteMigration(folder, "20200101000000_create_teams", "teams");

        var set = DiscoverClean(folder, "diesel");

        CollectionAssert.AreEqual(new[] { "20190226002946", "20200101000000" }, set.Migrations.Select(m => m.Version.Text).ToArray());
        Assert.IsTrue(set.Migrations.All(m => m.Layout == MigrationLayouts.Diesel));
    }

    [TestMethod]
    public void Diesel_metadata_run_in_transaction_false_runs_the_migration_outside_a_transaction()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        folder.Write("2019-02-26-002946_create_users/metadata.toml", "# diesel\nrun_in_transaction = false\n");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.IsTrue(migration.Up.NoTransaction);
        Assert.IsTrue(migration.Down!.NoTransaction);
    }

    [TestMethod]
    public void Unknown_diesel_metadata_is_reported_at_its_line()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        var metadata = folder.Write("2019-02-26-002946_create_users/metadata.toml", "\nrun_in_transactions = false\n");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = set.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.InvalidDirective, diagnostic.Descriptor);
        Assert.AreEqual(new SourceLocation(metadata, 2), diagnostic.Location);
        Assert.IsFalse(set.Migrations.Single().Up.NoTransaction);
    }

    [TestMethod]
    public void Diesel_folder_with_a_stray_sql_file_is_an_error_naming_the_diesel_layout()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        var stray = folder.Write("2019-02-26-002946_create_users/seed.sql", "INSERT INTO users VALUES (1);");

        var diagnostic = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect).Diagnostics.Single();

        Assert.AreEqual(DiagnosticCodes.UnrecognizedFile, diagnostic.Descriptor);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(stray), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "diesel layout");
    }

    [TestMethod]
    public void Diesel_folder_with_a_stray_note_and_a_toml_outside_diesel_are_named_in_one_warning()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "2019-02-26-002946_create_users", "users");
        var stray = folder.Write("2019-02-26-002946_create_users/notes.txt", "x");
        folder.Write("diesel.toml", "[print_schema]\n");

        var diagnostic = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect).Diagnostics.Single();

        Assert.AreEqual(DiagnosticCodes.UnseenFiles, diagnostic.Descriptor);
        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(stray), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "2 entries of the migrations directory, which are not SQL migrations: 2019-02-26-002946_create_users/notes.txt, diesel.toml");
    }
}
