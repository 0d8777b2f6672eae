using System.Text.Json;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The reports a real <c>dotnet build</c> writes to <c>MigrationsReportDirectory</c>: every format, paths from
/// the repository root, a configuration error placed at the project file.</summary>
[TestClass]
public sealed class ReportTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void A_failed_build_writes_every_report_with_paths_from_the_repository_root()
    {
        var copy = SampleCopy.Create("Broken.MisnamedIndexDown", TestContext.TestName!);
        Directory.CreateDirectory(Path.Combine(copy.Root, ".git"));

        var result = copy.Build("-p:MigrationsReportDirectory=reports/");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var reports = Path.Combine(copy.ProjectDirectory, "reports");
        CollectionAssert.IsSubsetOf(
            new[] { "migrations.sarif", "junit.xml", "codequality.json", "summary.md" },
            Directory.GetFiles(reports).Select(Path.GetFileName).ToArray());
        Assert.AreEqual("Broken.MisnamedIndexDown/Migrations/0002_add_index.down.sql", FirstSarifUri(reports));
        StringAssert.Contains(File.ReadAllText(Path.Combine(reports, "junit.xml")), "Broken.MisnamedIndexDown/Migrations/0002_add_index.down.sql:1: error MIG4002: ");
        StringAssert.Contains(File.ReadAllText(Path.Combine(reports, "codequality.json")), "\"path\": \"Broken.MisnamedIndexDown/Migrations/0002_add_index.down.sql\"");
    }

    [TestMethod]
    public void A_configuration_error_of_the_engine_is_placed_at_the_project_file_relative_to_the_root_given()
    {
        var copy = SampleCopy.Create("Broken.MisnamedIndexDown", TestContext.TestName!);

        var result = copy.Build(
            "-p:MigrationsReportDirectory=reports/",
            "-p:MigrationsProvider=PostgreSql",
            "-p:MigrationsConnectionString=Bogus=1",
            $"-p:MigrationsRepositoryRoot={copy.Root}");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(result.MigrationErrors.Any(l => l.Contains("error MIG0004", StringComparison.Ordinal)), result.ToString());
        Assert.AreEqual("Broken.MisnamedIndexDown/Broken.MisnamedIndexDown.csproj", FirstSarifUri(Path.Combine(copy.ProjectDirectory, "reports")));
    }

    private static string? FirstSarifUri(string reports)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "migrations.sarif")));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
    }
}
