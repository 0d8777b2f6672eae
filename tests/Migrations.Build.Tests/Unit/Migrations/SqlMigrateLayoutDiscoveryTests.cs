using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class SqlMigrateLayoutDiscoveryTests
{
    [TestMethod]
    public void Sql_migrate_sections_are_found_in_version_order_with_their_real_lines()
    {
        using var folder = new TemporaryFolder();
        folder.Write("20240101_teams.sql", "-- +migrate Up\nCREATE TABLE teams (id int);\n\n-- +migrate Down\nDROP TABLE teams;\n");
        var path = folder.Write("1_init.sql", "-- header\n-- +migrate Up\nCREATE TABLE users (id int);\nCREATE INDEX ix_users ON users (id);\n-- +migrate Down\nDROP TABLE users;\n");

        var set = MigrationDiscoveryLayoutTests.DiscoverClean(folder);

        CollectionAssert.AreEqual(new[] { "1", "20240101" }, set.Migrations.Select(m => m.Version.Text).ToArray());
        Assert.IsTrue(set.Migrations.All(m => m.Layout == MigrationLayouts.SqlMigrate));
        var init = set.Migrations[0];
        CollectionAssert.AreEqual(
            new[] { new SourceLocation(path, 3, 1), new SourceLocation(path, 4, 1) },
            init.Up.Statements.Select(s => s.Location).ToArray());
        Assert.AreEqual("DROP TABLE users", init.Down!.Statements.Single().Text);
        Assert.IsFalse(init.Up.NoTransaction);
    }

    [TestMethod]
    public void Sql_migrate_statement_block_is_one_statement()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(
            "2_trigger.sql",
            "-- +migrate Up\nCREATE TABLE a (x int);\n-- +migrate StatementBegin\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\nEND;\n-- +migrate StatementEnd\n\n-- +migrate Down\nDROP TABLE a;\n");

        var migration = MigrationDiscoveryLayoutTests.DiscoverClean(folder).Migrations.Single();

        Assert.AreEqual(2, migration.Up.Statements.Count);
        Assert.AreEqual("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\nEND", migration.Up.Statements[1].Text);
        Assert.AreEqual(new SourceLocation(path, 4, 1), migration.Up.Statements[1].Location);
        Assert.AreEqual(new SourceLocation(path, 10, 1), migration.Down!.Statements.Single().Location);
    }

    [TestMethod]
    public void Sql_migrate_up_notransaction_runs_outside_a_transaction()
    {
        using var folder = new TemporaryFolder();
        folder.Write("3_index.sql", "-- +migrate Up notransaction\nCREATE INDEX i ON t (x);\n-- +migrate Down\nDROP INDEX i;\n");

        var migration = MigrationDiscoveryLayoutTests.DiscoverClean(folder, "sql-migrate").Migrations.Single();

        Assert.IsTrue(migration.Up.NoTransaction);
    }

    [TestMethod]
    public void Unknown_sql_migrate_option_is_reported_at_its_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("3_index.sql", "-- +migrate Up\nCREATE TABLE t (x int);\n-- +migrate Down no-transaction\nDROP TABLE t;\n");

        var diagnostic = MigrationDiscovery.Discover(folder.Path, Build.Providers.Sqlite.SqliteSyntax.Dialect).Diagnostics.Single();

        Assert.AreEqual(DiagnosticCodes.InvalidDirective, diagnostic.Descriptor);
        Assert.AreEqual(new SourceLocation(path, 3), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "notransaction");
    }
}
