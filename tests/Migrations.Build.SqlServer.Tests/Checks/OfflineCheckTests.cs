using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Providers;

namespace Migrations.Build.SqlServer.Tests.Checks;

/// <summary>Without a server every offline check runs, and the rest is a visible "not run": warning MIG0031 naming
/// MigrationsConnectionString, and a summary line that says so. Never a silent pass.</summary>
[TestClass]
public sealed class OfflineCheckTests
{
    [ClassInitialize]
    public static void PlugTheAddOn(TestContext context) =>
        ProviderRegistry.Plug("SqlServer", Build.SqlServer.Server.SqlServerProvider.CreateAsync, SqlServerCheck.RunAsync);

    [TestMethod]
    public async Task A_healthy_project_passes_offline_with_the_server_checks_reported_as_not_run()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE dbo.users (id int NOT NULL PRIMARY KEY);\nGO\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE dbo.users;\n");
        var model = folder.Write("schema.sql", "CREATE TABLE dbo.users (id int NOT NULL PRIMARY KEY);\n");

        var result = await RunAsync(folder, model);

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Diagnostics));
        var warning = result.Diagnostics.Single();
        Assert.AreEqual("MIG0031", warning.Code);
        Assert.Contains("Set MigrationsConnectionString (or the environment variable MIGRATIONS_CONNECTION_STRING)", warning.Message);
        Assert.IsTrue(result.Checks.Any(c => c.Check == "server" && c.Status == CheckStatus.NotRun));
        StringAssert.Matches(
            SummaryLine.Render(result),
            new System.Text.RegularExpressions.Regex(@"^Migrations: 1 migration on SQL Server — T-SQL 2/2 scripts parse, model 1 objects valid, upgrade, drift and downgrades not run \(no server: set MigrationsConnectionString\) \([0-9.]+ s\); 0 error\(s\), 1 warning\(s\)$"));
    }

    [TestMethod]
    public async Task A_syntax_error_in_an_up_and_a_down_is_found_offline_at_its_place()
    {
        using var folder = new TemporaryDirectory();
        var up = folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE dbo.users (\n    id int NOT NULL PRIMARY KEY,\n    name nvarchar(20) NUL\n);\n");
        var down = folder.Write("Migrations/0001_users.down.sql", "DROP TABEL dbo.users;\n");

        var result = await RunAsync(folder, model: null);

        CollectionAssert.AreEqual(
            new[]
            {
                $"{up}(3,23): error MIG2030: An up script is not valid T-SQL for SQL Server 2025 (170): Incorrect syntax near 'NUL'.",
                $"{down}(1,6): error MIG4030: A down script is not valid T-SQL for SQL Server 2025 (170): Expected SERVER but encountered TABEL instead.",
            },
            result.Diagnostics.Where(d => d.Code != "MIG0031").Select(d => d.ToString()).ToArray(),
            string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task A_model_error_is_found_offline_at_the_model_file()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE dbo.users (id int NOT NULL PRIMARY KEY);\n");
        var model = folder.Write("schema.sql", "CREATE VIEW dbo.v AS SELECT id FROM dbo.missing;\n");

        var result = await RunAsync(folder, model);

        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == "MIG3031" && d.Location?.Path == model), string.Join("\n", result.Diagnostics));
    }

    private static Task<ValidationResult> RunAsync(TemporaryDirectory folder, string? model) =>
        CheckComposition.RunAsync(
            new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = "SqlServer", ModelPath = model },
            progress: null,
            CancellationToken.None);
}
