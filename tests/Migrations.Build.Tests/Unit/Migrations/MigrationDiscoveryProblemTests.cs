using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class MigrationDiscoveryProblemTests
{
    private static Diagnostic Single(MigrationSet set, DiagnosticDescriptor descriptor)
    {
        var found = set.Diagnostics.Where(d => d.Descriptor == descriptor).ToList();
        Assert.AreEqual(1, found.Count, $"expected one {descriptor.Code} in:\n{string.Join("\n", set.Diagnostics)}");
        return found[0];
    }

    private static void WritePair(TemporaryFolder folder, string stem)
    {
        folder.Write($"{stem}.up.sql", "CREATE TABLE t (x int);");
        folder.Write($"{stem}.down.sql", "DROP TABLE t;");
    }

    [TestMethod]
    public void Missing_directory_is_a_diagnostic_not_an_exception()
    {
        var set = MigrationDiscovery.Discover("/does/not/exist/Migrations", SqliteSyntax.Dialect);

        Assert.AreEqual("Migrations.Build: error MIG0001: The migrations directory '/does/not/exist/Migrations' does not exist", set.Diagnostics.Single().ToString());
        Assert.AreEqual(0, set.Migrations.Count);
    }

    [TestMethod]
    public void Unknown_layout_name_is_an_invalid_option()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, "liquibase");

        StringAssert.Contains(Single(set, DiagnosticCodes.InvalidOption).Message, "liquibase");
        Assert.AreEqual(1, set.Migrations.Count);
    }

    [TestMethod]
    public void Empty_directory_has_no_migrations()
    {
        using var folder = new TemporaryFolder();

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.NoMigrations);

        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [TestMethod]
    public void Directory_of_sql_that_no_layout_reads_is_an_error_that_suggests_by_name()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Script0001 - Create tables.sql", "CREATE TABLE a (x int);");
        folder.Write("Script0002 - Add index.sql", "CREATE INDEX ix ON a (x);");
        folder.Write("seeds/users.sql", "INSERT INTO a VALUES (1);");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var none = Single(set, DiagnosticCodes.NoMigrations);
        Assert.AreEqual(DiagnosticSeverity.Error, none.Severity);
        StringAssert.Contains(none.Message, "it holds 3 SQL files or folders that no layout reads (MIG1004): nothing would be checked");
        StringAssert.Contains(none.Message, "by-name");
        Assert.AreEqual(3, set.Diagnostics.Count(d => d.Descriptor == DiagnosticCodes.UnrecognizedFile && d.Severity == DiagnosticSeverity.Error), string.Join("\n", set.Diagnostics));
    }

    [TestMethod]
    public void Directory_of_only_other_files_warns_that_it_has_no_migrations_and_names_them()
    {
        using var folder = new TemporaryFolder();
        folder.Write("00001_create_users.go", "package migrations");
        folder.Write("README.md", "# migrations");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        Assert.AreEqual(DiagnosticSeverity.Warning, Single(set, DiagnosticCodes.NoMigrations).Severity);
        StringAssert.Contains(Single(set, DiagnosticCodes.UnseenFiles).Message, "00001_create_users.go, README.md");
        Assert.IsFalse(set.HasErrors, string.Join("\n", set.Diagnostics));
    }

    [TestMethod]
    public void Same_version_written_differently_is_a_duplicate_naming_both_files()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "0001_create_users");
        WritePair(folder, "1_create_teams");
        var second = Path.Combine(folder.Path, "1_create_teams.up.sql");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.DuplicateVersion);
        Assert.AreEqual(
            $"{second}(1,1): error MIG1001: Migrations 0001_create_users.up.sql and 1_create_teams.up.sql have the same version 1; give one of them a new version",
            diagnostic.ToString());
        Assert.AreEqual("create_users", set.Migrations.Single().Name);
    }

    [TestMethod]
    public void Duplicate_across_layouts_is_found()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "2_a");
        folder.Write("V2__b.sql", "CREATE TABLE b (x int);");
        folder.Write("U2__b.sql", "DROP TABLE b;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        StringAssert.Contains(Single(set, DiagnosticCodes.DuplicateVersion).Message, "2_a.up.sql and V2__b.sql");
    }

    [TestMethod]
    [DataRow("0003_orphan.down.sql", "0003_orphan.down.sql has no up script (expected 0003_orphan.up.sql)", DisplayName = "golang-migrate")]
    [DataRow("U3__orphan.sql", "U3__orphan.sql has no up script (expected V3__orphan.sql)", DisplayName = "flyway")]
    [DataRow("3_orphan/down.sql", "3_orphan/down.sql has no up script (expected 3_orphan/up.sql)", DisplayName = "folder")]
    public void Down_without_up_is_an_error_at_the_down_file(string file, string message)
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");
        var path = folder.Write(file, "DROP TABLE orphan;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.DownWithoutUp);

        Assert.AreEqual($"{path}(1,1): error MIG1002: {message}", diagnostic.ToString());
    }

    [TestMethod]
    [DataRow(false, DiagnosticSeverity.Warning)]
    [DataRow(true, DiagnosticSeverity.Error)]
    public void Missing_down_is_a_warning_unless_downgrades_are_required(bool requireDowngrade, DiagnosticSeverity severity)
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write("0002_add_email.up.sql", "ALTER TABLE t ADD email text;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, requireDowngrade: requireDowngrade);

        var diagnostic = Single(set, DiagnosticCodes.MissingDown);
        Assert.AreEqual(severity, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(up), diagnostic.Location);
        Assert.AreEqual("Migration 0002_add_email.up.sql has no down script (expected 0002_add_email.down.sql)", diagnostic.Message);
        Assert.IsNull(set.Migrations.Single().Down);
    }

    [TestMethod]
    [DataRow("-- migrate:up\nCREATE TABLE a (x int);\n", "expected a '-- migrate:down' section")]
    [DataRow("-- +goose Up\nCREATE TABLE a (x int);\n", "expected a '-- +goose Down' section")]
    public void Section_file_without_down_section_misses_its_down(string text, string expected)
    {
        using var folder = new TemporaryFolder();
        folder.Write("20240101120000_a.sql", text);

        StringAssert.Contains(Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.MissingDown).Message, expected);
    }

    [TestMethod]
    [DataRow("0002_plain.sql", "0002_plain.sql", "0002_plain.sql has no '-- migrate:up', '-- +goose Up' or '-- +migrate Up' section marker")]
    [DataRow("0004-add-index.up.sql", "0004-add-index.up.sql", "0004-add-index.up.sql matches no migration layout")]
    [DataRow("0005_SEED.SQL", "0005_SEED.SQL", "0005_SEED.SQL has no '-- migrate:up'")]
    [DataRow("misc/helper.sql", "misc", "misc/ is a folder that is not a migration")]
    [DataRow("misc/deeper/helper.sql", "misc", "misc/ is a folder that is not a migration")]
    [DataRow("3_c/migration.sql", "3_c", "3_c/ contains no up.sql, so it is not a migration")]
    [DataRow("3_b/extra.sql", "3_b/extra.sql", "3_b/extra.sql is not part of the folder layout")]
    public void Sql_entries_no_layout_reads_are_errors_that_name_them(string file, string entry, string message)
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");
        folder.Write("3_b/up.sql", "CREATE TABLE b (x int);");
        folder.Write("3_b/down.sql", "DROP TABLE b;");
        folder.Write(file, "SELECT 1;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.UnrecognizedFile);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(Path.Combine(folder.Path, entry)), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, message);
        Assert.AreEqual(2, set.Migrations.Count);
        Assert.IsFalse(set.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.UnseenFiles || d.Descriptor == DiagnosticCodes.NoMigrations));
    }

    [TestMethod]
    public void Flyway_repeatable_migrations_are_named_in_one_warning_that_says_they_are_not_checked()
    {
        using var folder = new TemporaryFolder();
        folder.Write("V1__create_users.sql", "CREATE TABLE users (id int);");
        var first = folder.Write("R__refresh_views.sql", "CREATE VIEW v AS SELECT 1;");
        folder.Write("R__seed.sql", "SELECT 1;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.UnseenFiles);
        Assert.AreEqual(
            $"{first}(1,1): warning MIG1019: The check cannot see 2 Flyway repeatable migrations: R__refresh_views.sql, R__seed.sql. It applies the versioned migrations only, so what they create is not checked (a model that has it reports it missing: list it in MigrationsIgnore)",
            diagnostic.ToString());
        Assert.IsFalse(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.AreEqual("V1__create_users.sql", Path.GetFileName(set.Migrations.Single().Up.Path));
    }

    [TestMethod]
    public void Files_that_are_not_sql_are_named_once_in_one_warning()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");
        folder.Write("3_b/up.sql", "CREATE TABLE b (x int);");
        folder.Write("3_b/down.sql", "DROP TABLE b;");
        var first = folder.Write("3_b/notes.txt", "why");
        folder.Write("00002_backfill.go", "package migrations");
        folder.Write("README.md", "# migrations");
        folder.Write("docs/diagram.png", "png");
        folder.Write("migrations.lock", "# lock\n");
        folder.Write(".gitkeep", string.Empty);

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.UnseenFiles);
        Assert.AreEqual(
            $"{first}(1,1): warning MIG1019: The check cannot see 4 entries of the migrations directory, which are not SQL migrations: 3_b/notes.txt, docs/, 00002_backfill.go, README.md. What they change in the schema is not checked; move them out of the folder if they are not migrations",
            diagnostic.ToString());
        Assert.IsFalse(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.AreEqual(2, set.Migrations.Count);
    }

    [TestMethod]
    public void A_folder_with_a_symbolic_link_loop_is_looked_into_once()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");
        folder.Write("tools/notes.txt", "x");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "tools", "loop"), Path.Combine(folder.Path, "tools"));

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        StringAssert.Contains(Single(set, DiagnosticCodes.UnseenFiles).Message, "tools/");
        Assert.IsFalse(set.HasErrors, string.Join("\n", set.Diagnostics));
    }

    [TestMethod]
    public void A_long_list_of_unseen_files_names_twenty_and_counts_the_rest()
    {
        using var folder = new TemporaryFolder();
        WritePair(folder, "1_a");
        for (var i = 1; i <= 25; i++)
        {
            folder.Write($"{i:D5}_step.go", "package migrations");
        }

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.UnseenFiles);

        StringAssert.Contains(diagnostic.Message, "The check cannot see 25 entries");
        StringAssert.Contains(diagnostic.Message, "00020_step.go and 5 more.");
        Assert.IsFalse(diagnostic.Message.Contains("00021_step.go", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow("V1.x__fix.sql", "1.x")]
    [DataRow("V1..2__fix.sql", "1..2")]
    [DataRow("V.1__fix.sql", ".1")]
    [DataRow("V1-2__fix.sql", "1-2")]
    public void Flyway_version_that_is_not_a_number_is_an_error(string file, string version)
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(file, "SELECT 1;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.InvalidVersion);

        Assert.AreEqual(new SourceLocation(path), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, $"'{version}'");
    }

    [TestMethod]
    public void Flyway_versions_with_dots_or_underscores_sort_part_by_part()
    {
        using var folder = new TemporaryFolder();
        foreach (var file in new[] { "V1__a.sql", "V1.10__d.sql", "V1.2__c.sql", "V1_1__b.sql", "V2__e.sql" })
        {
            folder.Write(file, "SELECT 1;");
        }

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        CollectionAssert.AreEqual(new[] { "a", "b", "c", "d", "e" }, set.Migrations.Select(m => m.Name).ToArray(), string.Join("\n", set.Diagnostics));
        Assert.IsFalse(set.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.InvalidVersion));
    }

    [TestMethod]
    public void Migration_in_another_layout_than_its_folder_is_a_warning_and_still_runs()
    {
        using var folder = new TemporaryFolder();
        folder.Write("0001_users.up.sql", "CREATE TABLE users (id INTEGER);");
        folder.Write("0001_users.down.sql", "DROP TABLE users;");
        folder.Write("0002_leads.up.sql", "CREATE TABLE leads (id INTEGER);");
        folder.Write("0002_leads.down.sql", "DROP TABLE leads;");
        var stray = folder.Write("V3__index.sql", "CREATE INDEX ix ON users (id);");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var mixed = Single(set, DiagnosticCodes.MixedLayouts);
        Assert.AreEqual(new SourceLocation(stray), mixed.Location);
        Assert.AreEqual(DiagnosticSeverity.Warning, mixed.Severity);
        StringAssert.Contains(mixed.Message, "uses the flyway layout, but this folder's migrations use golang-migrate (2 of 3)");
        CollectionAssert.AreEqual(new[] { "users", "leads", "index" }, set.Migrations.Select(m => m.Name).ToArray());
    }

    [TestMethod]
    public void Folder_in_one_layout_has_no_layout_warning()
    {
        using var folder = new TemporaryFolder();
        folder.Write("V1__users.sql", "CREATE TABLE users (id INTEGER);");
        folder.Write("V2__leads.sql", "CREATE TABLE leads (id INTEGER);");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        Assert.IsFalse(set.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.MixedLayouts), string.Join("\n", set.Diagnostics));
    }

    [TestMethod]
    public void Flyway_versions_1_and_1_0_are_the_same_version()
    {
        using var folder = new TemporaryFolder();
        folder.Write("V1__a.sql", "SELECT 1;");
        folder.Write("V1.0__b.sql", "SELECT 1;");

        var duplicate = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.DuplicateVersion);

        StringAssert.Contains(duplicate.Message, "V1__a.sql");
        StringAssert.Contains(duplicate.Message, "V1.0__b.sql");
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty file")]
    [DataRow("-- only a comment;\n/* and another */\n", DisplayName = "only comments")]
    public void Script_without_statements_is_an_empty_script_warning(string text)
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write("1_a.up.sql", text);
        folder.Write("1_a.down.sql", "SELECT 1;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.EmptyScript);

        Assert.AreEqual($"{up}(1,1): warning MIG1010: 1_a.up.sql contains no SQL statements", diagnostic.ToString());
    }

    [TestMethod]
    public void Empty_down_section_is_an_empty_script_at_the_section()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("00001_a.sql", "-- +goose Up\nCREATE TABLE a (x int);\n\n-- +goose Down\n-- nothing to undo\n");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.EmptyScript);

        Assert.AreEqual($"{path}(5,1): warning MIG1010: The down section of 00001_a.sql contains no SQL statements", diagnostic.ToString());
    }

    [TestMethod]
    public void Binary_file_is_unreadable()
    {
        using var folder = new TemporaryFolder();
        var up = folder.WriteBytes("1_a.up.sql", [0x53, 0x45, 0x4C, 0x00, 0x01, 0x02]);
        folder.Write("1_a.down.sql", "SELECT 1;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.UnreadableScript);

        Assert.AreEqual($"{up}(1,4): error MIG1005: 1_a.up.sql contains NUL bytes: it is a binary file, not SQL text", diagnostic.ToString());
    }

    [TestMethod]
    public void Utf16_file_is_unreadable_and_says_so()
    {
        using var folder = new TemporaryFolder();
        var up = folder.WriteBytes("1_a.up.sql", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("SELECT 1;")).ToArray());
        folder.Write("1_a.down.sql", "SELECT 1;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.UnreadableScript);

        Assert.AreEqual($"{up}(1,1): error MIG1005: 1_a.up.sql is UTF-16 text; save it as UTF-8", diagnostic.ToString());
    }

    [TestMethod]
    public void Invalid_utf8_is_unreadable_at_its_line()
    {
        using var folder = new TemporaryFolder();
        var down = folder.WriteBytes("1_a.down.sql", [.. "SELECT 1;\nSELECT 'caf"u8, 0xE9, .. "';"u8]);
        folder.Write("1_a.up.sql", "SELECT 1;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.UnreadableScript);
        Assert.AreEqual($"{down}(2,12): error MIG1005: 1_a.down.sql is not valid UTF-8 text (invalid byte 0xE9 at line 2); save it as UTF-8", diagnostic.ToString());
        Assert.AreEqual(1, set.Migrations.Count);
        Assert.IsFalse(set.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.MissingDown || d.Descriptor == DiagnosticCodes.EmptyScript));
    }

    [TestMethod]
    public void Unterminated_quote_in_a_file_is_reported_at_its_line_and_column()
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write("1_a.up.sql", "CREATE TABLE a (x text);\nINSERT INTO a VALUES ('x);\n");
        folder.Write("1_a.down.sql", "DROP TABLE a;");

        var diagnostic = Single(MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect), DiagnosticCodes.UnterminatedToken);

        Assert.AreEqual(new SourceLocation(up, 2, 23), diagnostic.Location);
    }

    [TestMethod]
    public void Unknown_directive_is_a_warning_at_the_option()
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write("1_a.up.sql", "-- migrations: no-transaction, fast\nSELECT 1;");
        folder.Write("1_a.down.sql", "SELECT 1;");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = Single(set, DiagnosticCodes.InvalidDirective);
        Assert.AreEqual(new SourceLocation(up, 1, 32), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "'fast'");
        Assert.IsTrue(set.Migrations.Single().Up.NoTransaction);
    }
}
