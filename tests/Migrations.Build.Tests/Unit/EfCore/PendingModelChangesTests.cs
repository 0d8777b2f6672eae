using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Tests.Unit.Migrations;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Tests.Unit.EfCore;

/// <summary>The model changes no migration makes are each said in words, at the entity they come from.</summary>
[TestClass]
public sealed class PendingModelChangesTests
{
    [TestMethod]
    [DataRow("AddColumn", "Leads", "Score", "Shop.Lead", "Score", "Property Lead.Score (column Leads.Score) is in the model, but no migration adds it")]
    [DataRow("DropColumn", "Leads", "Notes", null, null, "Column Leads.Notes is no longer in the model, but no migration drops it")]
    [DataRow("CreateTable", "Invoices", null, "Shop.Invoice", null, "Entity Invoice (table Invoices) is in the model, but no migration creates it")]
    [DataRow("DropTable", "Orders", null, null, null, "Table Orders is no longer in the model, but no migration drops it")]
    [DataRow("CreateIndex", "Leads", "IX_Leads_Score", "Shop.Lead", null, "Index IX_Leads_Score on Leads is in the model, but no migration creates it")]
    [DataRow("AlterColumn", "Leads", "Title", "Shop.Lead", "Title", "Property Lead.Title (column Leads.Title) is changed in the model, but no migration alters it")]
    [DataRow("AddCheckConstraint", "Leads", "CK_Score", null, null, "The model has a change that no migration makes (AddCheckConstraint on Leads CK_Score)")]
    public void Each_operation_is_described_by_what_it_changes(string kind, string table, string? name, string? entity, string? property, string expected)
    {
        var description = PendingModelChanges.Describe(new PendingOperation(kind, null, table, name, entity, property));

        Assert.AreEqual(expected, description);
    }

    [TestMethod]
    public void A_pending_property_is_reported_at_its_declaration_in_the_entity_class()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("Lead.cs", "namespace Shop;\n\npublic sealed class Lead\n{\n    public int Id { get; set; }\n\n    public int Score { get; set; }\n}\n");
        var context = new ContextExport("ShopContext", "Shop.ShopContext", "Microsoft.EntityFrameworkCore.Sqlite", [], [], [], [new PendingOperation("AddColumn", null, "Leads", "Score", "Shop.Lead", "Score")], null);

        var finding = PendingModelChanges.Judge(context, CSharpSourceIndex.Read([], folder.Path), new SourceLocation("ShopContext.cs")).Single();

        Assert.AreEqual(
            $"{file}(7,16): error MIG3020: Property Lead.Score (column Leads.Score) is in the model, but no migration adds it: add a migration (dotnet ef migrations add NAME).",
            finding.ToString());
    }
}
