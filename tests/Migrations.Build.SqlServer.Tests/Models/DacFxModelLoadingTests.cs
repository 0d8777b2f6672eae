using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Diagnostics;
using Migrations.Build.SqlServer.Models;

namespace Migrations.Build.SqlServer.Tests.Models;

/// <summary>Models load from every form a SQL Server project keeps them in, and what is wrong in them is an error at
/// the model file and line.</summary>
[TestClass]
public sealed class DacFxModelLoadingTests
{
    private const string Orders = "CREATE TABLE dbo.customers (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.orders (id int NOT NULL PRIMARY KEY, customer_id int REFERENCES dbo.customers (id))\n";

    [TestMethod]
    public void A_schema_file_a_folder_and_a_project_give_the_same_schema()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("schema.sql", Orders);
        folder.Write("Db/Tables/customers.sql", "CREATE TABLE dbo.customers (id int NOT NULL PRIMARY KEY)");
        folder.Write("Db/Tables/orders.sql", "CREATE TABLE dbo.orders (id int NOT NULL PRIMARY KEY, customer_id int REFERENCES dbo.customers (id))");
        var project = folder.Write("Db/Db.sqlproj", "<Project Sdk=\"Microsoft.Build.Sql/1.0.0\" />");

        var fromFile = DacFxModels.Load(file);
        var fromFolder = DacFxModels.Load(Path.Combine(folder.Path, "Db", "Tables"));
        var fromProject = DacFxModels.Load(project);

        Assert.AreEqual(0, fromFile.Diagnostics.Count + fromFolder.Diagnostics.Count + fromProject.Diagnostics.Count);
        Assert.AreEqual(2, fromFile.Schema!.Tables.Count);
        Assert.AreEqual(fromFile.Schema, fromFolder.Schema);
        Assert.AreEqual(fromFile.Schema, fromProject.Schema);
    }

    [TestMethod]
    public void A_dacpac_round_trip_gives_the_same_schema()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("schema.sql", Orders + "GO\nCREATE VIEW dbo.order_count AS SELECT customer_id, COUNT(*) AS n FROM dbo.orders GROUP BY customer_id\n");
        var dacpac = Path.Combine(folder.Path, "model.dacpac");
        using (var model = new TSqlModel(SqlServerVersion.Sql170, new TSqlModelOptions()))
        {
            model.AddOrUpdateObjects(File.ReadAllText(file), file, new TSqlObjectOptions());
            DacPackageExtensions.BuildPackage(dacpac, model, new PackageMetadata { Name = "model", Version = "1.0" });
        }

        var fromFile = DacFxModels.Load(file);
        var fromDacpac = DacFxModels.Load(dacpac);

        Assert.AreEqual(0, fromFile.Diagnostics.Count + fromDacpac.Diagnostics.Count, string.Join("\n", fromDacpac.Diagnostics));
        Assert.AreEqual(1, fromDacpac.Schema!.Views.Count);
        Assert.AreEqual(fromFile.Schema, fromDacpac.Schema);
    }

    [TestMethod]
    public void A_syntax_error_in_a_model_file_is_MIG3030_at_its_line_and_column()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("schema.sql", "CREATE TABLE dbo.a (id int)\nGO\nCREATE TABLE dbo.b (\n  id int,\n  CHECK (id > )\n)\n");

        var (_, diagnostics) = DacFxModels.Load(file);

        Assert.AreEqual(1, diagnostics.Count, string.Join("\n", diagnostics));
        Assert.AreEqual($"{file}(5,15): error MIG3030: A model file is not valid T-SQL for SQL Server 2025 (170): Incorrect syntax near ')'.", diagnostics[0].ToString());
    }

    [TestMethod]
    public void An_unresolved_reference_is_MIG3031_at_the_file_line_and_column_of_the_constraint()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Db/customers.sql", "CREATE TABLE dbo.customers (id int NOT NULL PRIMARY KEY)");
        var orders = folder.Write("Db/orders.sql", "-- orders\n\nCREATE TABLE dbo.orders (id int NOT NULL, customer_id int CONSTRAINT fk_customer REFERENCES dbo.customer (id))");

        var (_, diagnostics) = DacFxModels.Load(Path.Combine(folder.Path, "Db"));

        Assert.IsNotEmpty(diagnostics);
        Assert.IsTrue(diagnostics.All(d => d.Code == "MIG3031" && d.Location == new SourceLocation(orders, 3, 59)), string.Join("\n", diagnostics));
        Assert.IsTrue(diagnostics.Any(d => d.Message.Contains("SQL71501", StringComparison.Ordinal) && d.Message.Contains("[dbo].[customer]", StringComparison.Ordinal)), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void An_ALTER_TABLE_in_a_model_is_MIG3031_at_its_line()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("schema.sql", "CREATE TABLE dbo.a (id int)\nGO\n\nALTER TABLE dbo.a ADD b int\n");

        var (_, diagnostics) = DacFxModels.Load(file);

        Assert.AreEqual(1, diagnostics.Count, string.Join("\n", diagnostics));
        Assert.AreEqual("MIG3031", diagnostics[0].Code);
        Assert.AreEqual(file, diagnostics[0].Location?.Path);
        Assert.AreEqual(4, diagnostics[0].Location?.Line, diagnostics[0].ToString());
        Assert.Contains("SQL70645", diagnostics[0].Message);
    }

    [TestMethod]
    public void A_file_that_is_not_a_dacpac_is_MIG3032()
    {
        using var folder = new TemporaryDirectory();
        var dacpac = folder.Write("broken.dacpac", "not a zip");

        var (schema, diagnostics) = DacFxModels.Load(dacpac);

        Assert.IsNull(schema);
        Assert.AreEqual("MIG3032", diagnostics.Single().Code);
        Assert.StartsWith($"The dacpac '{dacpac}' cannot be read: ", diagnostics.Single().Message);
    }
}
