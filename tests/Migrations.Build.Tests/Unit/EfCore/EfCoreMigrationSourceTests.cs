using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Tests.Unit.EfCore;

/// <summary>An EF Core context's export becomes migrations located at the Up and Down methods of their C# files.</summary>
[TestClass]
public sealed class EfCoreMigrationSourceTests
{
    private const string MigrationFile = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            public partial class AddLeads : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Leads");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Leads");
                }
            }
        }
        """;

    private const string DesignerFile = """
        namespace Shop.Migrations
        {
            [DbContext(typeof(ShopContext))]
            [Migration("20240102000000_AddLeads")]
            partial class AddLeads
            {
            }
        }
        """;

    private static ContextExport Context(params MigrationExport[] migrations) =>
        new("ShopContext", "Shop.ShopContext", "Microsoft.EntityFrameworkCore.Sqlite", migrations, [], [], [], null);

    private static MigrationExport AddLeads(params SqlCommandExport[] down) =>
        new("20240102000000_AddLeads", "Shop.Migrations.AddLeads", [new("CREATE TABLE \"Leads\" (\n    \"Id\" INTEGER NOT NULL\n);\n", false)], down);

    [TestMethod]
    public void Up_statements_are_located_at_the_Up_method_and_down_statements_at_the_Down_operation_that_names_their_object()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("Migrations/20240102000000_AddLeads.cs", MigrationFile);
        folder.Write("Migrations/20240102000000_AddLeads.Designer.cs", DesignerFile);
        var sources = CSharpSourceIndex.Read([], folder.Path);
        var source = new EfCoreMigrationSource(Context(AddLeads(new SqlCommandExport("DROP TABLE \"Leads\";\n", false))), sources, Path.Combine(folder.Path, "Migrations", "migrations.lock"), new SourceLocation("ShopContext.cs"));

        var set = source.Load(SqliteSyntax.Dialect);

        Assert.IsEmpty(set.Diagnostics);
        var migration = set.Migrations.Single();
        Assert.AreEqual("20240102000000", migration.Version.Text);
        Assert.AreEqual("AddLeads", migration.Name);
        Assert.AreEqual(new SourceLocation(file, 7, 33), migration.Up.Statements.Single().Location);
        Assert.AreEqual(new SourceLocation(file, 14, 13), migration.Down!.Statements.Single().Location, "at migrationBuilder.DropTable(name: \"Leads\")");
        Assert.AreEqual(new SourceLocation(file, 12, 33), migration.Down.Start);
        Assert.IsTrue(migration.Down.Statements.Single().Generated);
    }

    [TestMethod]
    public void A_down_statement_that_no_operation_names_stays_at_the_Down_method_and_an_expression_body_is_read_to_its_end()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("Migrations/20240102000000_AddLeads.cs", MigrationFile.Replace(
            "protected override void Down(MigrationBuilder migrationBuilder)\n        {\n            migrationBuilder.DropTable(name: \"Leads\");\n        }",
            "protected override void Down(MigrationBuilder migrationBuilder) =>\n            migrationBuilder.DropIndex(\n                name: \"IX_Leads_Name\");",
            StringComparison.Ordinal));
        folder.Write("Migrations/20240102000000_AddLeads.Designer.cs", DesignerFile);
        var sources = CSharpSourceIndex.Read([], folder.Path);
        var export = AddLeads(new("DROP INDEX \"IX_Leads_Name\";\n", false), new("DROP TABLE \"Other\";\n", false));
        var source = new EfCoreMigrationSource(Context(export), sources, Path.Combine(folder.Path, "Migrations", "migrations.lock"), new SourceLocation("ShopContext.cs"));

        var down = source.Load(SqliteSyntax.Dialect).Migrations.Single().Down!;

        CollectionAssert.AreEqual(
            new[] { new SourceLocation(file, 13, 13), new SourceLocation(file, 12, 33) },
            down.Statements.Select(s => s.Location).ToArray());
    }

    [TestMethod]
    public void A_transaction_suppressed_command_makes_its_script_run_outside_a_transaction()
    {
        using var folder = new TemporaryFolder();
        var sources = CSharpSourceIndex.Read([], folder.Path);
        var export = AddLeads(new("PRAGMA foreign_keys = 0;\n", true), new("DROP TABLE \"Leads\";\n", false), new("PRAGMA foreign_keys = 1;\n", true));
        var source = new EfCoreMigrationSource(Context(export), sources, Path.Combine(folder.Path, "migrations.lock"), new SourceLocation("ShopContext.cs"));

        var migration = source.Load(SqliteSyntax.Dialect).Migrations.Single();

        Assert.IsTrue(migration.Down!.NoTransaction);
        Assert.IsFalse(migration.Up.NoTransaction);
        Assert.HasCount(3, migration.Down.Statements);
    }

    [TestMethod]
    public void A_migration_without_a_source_file_is_a_warning_and_points_at_the_DbContext()
    {
        using var folder = new TemporaryFolder();
        var sources = CSharpSourceIndex.Read([], folder.Path);
        var context = new SourceLocation("ShopContext.cs", 6, 21);
        var source = new EfCoreMigrationSource(Context(AddLeads(new SqlCommandExport("DROP TABLE \"Leads\";\n", false))), sources, Path.Combine(folder.Path, "migrations.lock"), context);

        var set = source.Load(SqliteSyntax.Dialect);

        var warning = set.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.EfMigrationSourceNotFound, warning.Descriptor);
        Assert.AreEqual(context, warning.Location);
        Assert.AreEqual(context, set.Migrations.Single().Down!.Statements.Single().Location);
    }
}
