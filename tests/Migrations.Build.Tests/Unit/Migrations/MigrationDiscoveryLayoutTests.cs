using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class MigrationDiscoveryLayoutTests
{
    /// <summary>Discovers the folder and asserts that discovery had nothing to say about it.</summary>
    internal static MigrationSet DiscoverClean(TemporaryFolder folder, string? layout = null)
    {
        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, layout);
        Assert.AreEqual(0, set.Diagnostics.Count, string.Join("\n", set.Diagnostics));
        return set;
    }

    private static string[] Versions(MigrationSet set) => [.. set.Migrations.Select(m => m.Version.Text)];

    [TestMethod]
    public void Golang_migrate_files_are_paired_and_sorted_numerically()
    {
        using var folder = new TemporaryFolder();
        foreach (var (version, name) in new[] { ("2", "b"), ("10", "c"), ("1", "a") })
        {
            folder.Write($"{version}_{name}.up.sql", $"CREATE TABLE {name} (x int);");
            folder.Write($"{version}_{name}.down.sql", $"DROP TABLE {name};");
        }

        var set = DiscoverClean(folder);

        CollectionAssert.AreEqual(new[] { "1", "2", "10" }, Versions(set));
        Assert.IsTrue(set.Migrations.All(m => m.Layout == MigrationLayouts.GolangMigrate));
        Assert.AreEqual("c", set.Migrations[2].Name);
        Assert.AreEqual("DROP TABLE c", set.Migrations[2].Down!.Statements.Single().Text);
    }

    [TestMethod]
    public void Sqlx_reversible_migrations_are_paired_in_timestamp_order()
    {
        using var folder = new TemporaryFolder();
        folder.Write("20240313170000_create_posts.up.sql", "CREATE TABLE posts (id int);");
        folder.Write("20240313170000_create_posts.down.sql", "DROP TABLE posts;");
        folder.Write("20240101120000_create_users.up.sql", "CREATE TABLE users (id int);");
        folder.Write("20240101120000_create_users.down.sql", "DROP TABLE users;");

        var set = DiscoverClean(folder);

        CollectionAssert.AreEqual(new[] { "20240101120000", "20240313170000" }, Versions(set));
        CollectionAssert.AreEqual(new[] { "create_users", "create_posts" }, set.Migrations.Select(m => m.Name).ToArray());
        Assert.AreEqual("DROP TABLE posts", set.Migrations[1].Down!.Statements.Single().Text);
    }

    [TestMethod]
    public void Flyway_versioned_and_undo_scripts_are_paired()
    {
        using var folder = new TemporaryFolder();
        folder.Write("V10__c.sql", "CREATE TABLE c (x int);");
        folder.Write("U10__c.sql", "DROP TABLE c;");
        folder.Write("V2__b.sql", "CREATE TABLE b (x int);");
        folder.Write("U2__b.sql", "DROP TABLE b;");

        var set = DiscoverClean(folder);

        CollectionAssert.AreEqual(new[] { "2", "10" }, Versions(set));
        Assert.AreEqual(MigrationLayouts.Flyway, set.Migrations[0].Layout);
        Assert.AreEqual("DROP TABLE b", set.Migrations[0].Down!.Statements.Single().Text);
    }

    [TestMethod]
    public void Folder_per_migration_sorts_14_digit_timestamps()
    {
        using var folder = new TemporaryFolder();
        folder.Write("20240101120000_create_users/up.sql", "CREATE TABLE users (id int);");
        folder.Write("20240101120000_create_users/down.sql", "DROP TABLE users;");
        folder.Write("20231231235959_create_teams/up.sql", "CREATE TABLE teams (id int);");
        folder.Write("20231231235959_create_teams/down.sql", "DROP TABLE teams;");

        var set = DiscoverClean(folder);

        CollectionAssert.AreEqual(new[] { "20231231235959", "20240101120000" }, Versions(set));
        Assert.AreEqual("create_teams", set.Migrations[0].Name);
        Assert.AreEqual(MigrationLayouts.Folder, set.Migrations[0].Layout);
    }

    [TestMethod]
    public void Dbmate_sections_keep_the_real_line_numbers()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(
            "20240101120000_create_users.sql",
            "-- migrate:up\nCREATE TABLE users (id int);\n\nCREATE INDEX users_id ON users (id);\n\n-- migrate:down\nDROP TABLE users;\n");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.AreEqual(MigrationLayouts.Dbmate, migration.Layout);
        CollectionAssert.AreEqual(
            new[] { new SourceLocation(path, 2, 1), new SourceLocation(path, 4, 1) },
            migration.Up.Statements.Select(s => s.Location).ToArray());
        Assert.AreEqual(new SourceLocation(path, 7, 1), migration.Down!.Statements.Single().Location);
        Assert.AreEqual(new SourceLocation(path, 7, 1), migration.Down.Start);
    }

    [TestMethod]
    public void Goose_statement_block_is_one_statement()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(
            "00001_trigger.sql",
            "-- +goose Up\nCREATE TABLE a (x int);\n-- +goose StatementBegin\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\nEND;\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE a;\n");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.AreEqual(MigrationLayouts.Goose, migration.Layout);
        Assert.AreEqual(2, migration.Up.Statements.Count);
        Assert.AreEqual("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\nEND", migration.Up.Statements[1].Text);
        Assert.AreEqual(new SourceLocation(path, 4, 1), migration.Up.Statements[1].Location);
        Assert.AreEqual(new SourceLocation(path, 10, 1), migration.Down!.Statements.Single().Location);
    }

    [TestMethod]
    [DataRow("-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- +goose Down\nDROP INDEX i;\n", DisplayName = "goose NO TRANSACTION")]
    [DataRow("-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- migrate:down\nDROP INDEX i;\n", DisplayName = "dbmate transaction:false")]
    [DataRow("-- migrations: no-transaction\n-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- migrate:down\nDROP INDEX i;\n", DisplayName = "directive comment")]
    public void Section_files_can_ask_for_no_transaction(string text)
    {
        using var folder = new TemporaryFolder();
        folder.Write("00001_index.sql", text);

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.IsTrue(migration.Up.NoTransaction);
    }

    [TestMethod]
    [DataRow("-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- +goose Down\nDROP INDEX i;\n", null, true, true, DisplayName = "goose NO TRANSACTION is the whole file's")]
    [DataRow("-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- migrate:down\nDROP INDEX i;\n", null, true, false, DisplayName = "dbmate transaction:false is its section's")]
    [DataRow("-- migrate:up\nCREATE INDEX i ON t (x);\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;\n", null, false, true, DisplayName = "dbmate down transaction:false")]
    [DataRow("-- +migrate Up notransaction\nCREATE INDEX i ON t (x);\n-- +migrate Down\nDROP INDEX i;\n", "sql-migrate", true, false, DisplayName = "sql-migrate notransaction is its section's")]
    public void Each_section_runs_without_a_transaction_only_where_its_runner_says_so(string text, string? layout, bool upWithout, bool downWithout)
    {
        using var folder = new TemporaryFolder();
        folder.Write("00001_index.sql", text);

        var migration = DiscoverClean(folder, layout).Migrations.Single();

        Assert.AreEqual(upWithout, migration.Up.NoTransaction);
        Assert.AreEqual(downWithout, migration.Down!.NoTransaction);
    }

    [TestMethod]
    public void Directive_comment_runs_a_script_without_a_transaction()
    {
        using var folder = new TemporaryFolder();
        folder.Write("1_a.up.sql", "-- migrations: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);");
        folder.Write("1_a.down.sql", "DROP INDEX i;");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.IsTrue(migration.Up.NoTransaction);
        Assert.IsFalse(migration.Down!.NoTransaction);
    }

    [TestMethod]
    public void Scripts_that_change_data_are_marked()
    {
        using var folder = new TemporaryFolder();
        folder.Write("1_a.up.sql", "CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);");
        folder.Write("1_a.down.sql", "DROP TABLE a;");

        var migration = DiscoverClean(folder).Migrations.Single();

        Assert.IsTrue(migration.Up.ChangesData);
        Assert.IsFalse(migration.Down!.ChangesData);
    }

    [TestMethod]
    public void Bom_and_crlf_file_gives_the_editor_line_numbers()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("1_a.up.sql", "\uFEFF-- header\r\nCREATE TABLE a (x int);\r\n\r\n  CREATE TABLE b (y int);\r\n");
        folder.Write("1_a.down.sql", "DROP TABLE b; DROP TABLE a;");

        var up = DiscoverClean(folder).Migrations.Single().Up;

        CollectionAssert.AreEqual(
            new[] { new SourceLocation(path, 2, 1), new SourceLocation(path, 4, 3) },
            up.Statements.Select(s => s.Location).ToArray());
    }

    [TestMethod]
    public void Checksum_ignores_bom_and_line_endings_but_not_content()
    {
        using var lf = new TemporaryFolder();
        lf.Write("1_a.up.sql", "CREATE TABLE a (x int);\n");
        lf.Write("1_a.down.sql", "DROP TABLE a;\n");
        using var crlf = new TemporaryFolder();
        crlf.Write("1_a.up.sql", "\uFEFFCREATE TABLE a (x int);\r\n");
        crlf.Write("1_a.down.sql", "DROP TABLE a;\r\n");
        using var edited = new TemporaryFolder();
        edited.Write("1_a.up.sql", "CREATE TABLE a (x bigint);\n");
        edited.Write("1_a.down.sql", "DROP TABLE a;\n");

        var checksum = DiscoverClean(lf).Migrations.Single().Checksum;

        Assert.AreEqual(64, checksum.Length);
        Assert.AreEqual(checksum, DiscoverClean(crlf).Migrations.Single().Checksum);
        Assert.AreNotEqual(checksum, DiscoverClean(edited).Migrations.Single().Checksum);
    }

    [TestMethod]
    public void Lock_and_dotfiles_are_ignored()
    {
        using var folder = new TemporaryFolder();
        folder.Write("1_a.up.sql", "CREATE TABLE a (x int);");
        folder.Write("1_a.down.sql", "DROP TABLE a;");
        folder.Write("migrations.lock", "# lock\n");
        folder.Write(".gitkeep", string.Empty);
        folder.Write(".hidden/whatever.sql", "x");

        Assert.AreEqual(1, DiscoverClean(folder).Migrations.Count);
    }

    [TestMethod]
    public void Readme_and_markdown_are_named_as_files_the_check_cannot_see()
    {
        using var folder = new TemporaryFolder();
        folder.Write("1_a.up.sql", "CREATE TABLE a (x int);");
        folder.Write("1_a.down.sql", "DROP TABLE a;");
        var readme = folder.Write("README", "read me");
        folder.Write("notes.md", "# notes");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

        var diagnostic = set.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.UnseenFiles, diagnostic.Descriptor);
        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(readme), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "README, notes.md");
    }

    [TestMethod]
    public void Forced_layout_leaves_other_layouts_unrecognized()
    {
        using var folder = new TemporaryFolder();
        folder.Write("V1__a.sql", "CREATE TABLE a (x int);");
        folder.Write("U1__a.sql", "DROP TABLE a;");
        var stray = folder.Write("2_b.up.sql", "CREATE TABLE b (x int);");

        var set = MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, "flyway");

        Assert.AreEqual(1, set.Migrations.Count);
        var diagnostic = set.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.UnrecognizedFile, diagnostic.Descriptor);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual(new SourceLocation(stray), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "flyway layout");
    }
}
