using System.Text.Json;
using System.Xml.Linq;
using Migrations.Build.Tests.Cli;

namespace Migrations.Build.Tests.Reports;

/// <summary>The reports of real checks, as the CI services read them: SARIF through the SARIF multitool with GitHub's
/// rules, JUnit XML against its schema, GitLab Code Quality by its format; the most important findings first.</summary>
[TestClass]
public sealed class CiReportTests
{
    [TestMethod]
    [DataRow("Healthy", "Sqlite", 0)]
    [DataRow("MixedFindings", "Sqlite", 1)]
    [DataRow("FailingUp", "Sqlite", 1)]
    [DataRow("Healthy", "PostgreSql", 0)]
    [DataRow("MixedFindings", "PostgreSql", 1)]
    public async Task Reports_of_a_real_check_pass_the_sarif_multitool_the_junit_schema_and_the_code_quality_format(string testCase, string provider, int exitCode)
    {
        using var check = await CiReportRun.StartAsync(testCase, provider);

        Assert.AreEqual(exitCode, check.Run.ExitCode, check.Run.ToString());
        SarifMultitool.AssertValid(check.Sarif);
        ReportFormats.AssertValidJUnit(check.JUnit);
        ReportFormats.AssertValidCodeQuality(check.CodeQuality);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(check.Sarif));
        using var quality = JsonDocument.Parse(await File.ReadAllTextAsync(check.CodeQuality));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.AreEqual(results.GetArrayLength(), quality.RootElement.GetArrayLength(), "Every finding is in both reports.");
        Assert.AreEqual(exitCode == 0, results.EnumerateArray().All(r => r.GetProperty("level").GetString() != "error"), check.Run.ToString());
    }

    [TestMethod]
    public async Task A_configuration_error_is_placed_at_the_project_file_so_that_code_scanning_shows_it()
    {
        using var workspace = new CliWorkspace("Healthy");
        workspace.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");

        using var check = await CiReportRun.StartAsync(
            workspace,
            "PostgreSql",
            ["--project-file", workspace.PathOf("App.csproj")],
            new Dictionary<string, string?> { ["MIGRATIONS_CONNECTION_STRING"] = "Host=127.0.0.1;Port=abc" });

        Assert.AreEqual(2, check.Run.ExitCode, check.Run.ToString());
        SarifMultitool.AssertValid(check.Sarif);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(check.Sarif));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.AreEqual("MIG0004", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("App.csproj", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
        ReportFormats.AssertValidJUnit(check.JUnit);
        var configuration = XDocument.Load(check.JUnit).Descendants("testcase").Single(c => (string?)c.Attribute("name") == "configuration");
        StringAssert.StartsWith(configuration.Element("failure")?.Value, "App.csproj:1: error MIG0004: ");
    }

    [TestMethod]
    public async Task Diagnostics_come_most_important_first_in_the_build_output_and_in_every_report()
    {
        string[] expected = ["MIG4002", "MIG3006", "MIG3003", "MIG1003"];
        using var check = await CiReportRun.StartAsync("MixedFindings", "Sqlite");

        var printed = check.Run.Output.Where(l => l.Contains(": error MIG", StringComparison.Ordinal) || l.Contains(": warning MIG", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(" MIG", StringComparison.Ordinal) + 1)..][..7]).ToArray();
        CollectionAssert.AreEqual(expected, printed, check.Run.ToString());

        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(check.Sarif));
        CollectionAssert.AreEqual(expected, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToArray());
        using var quality = JsonDocument.Parse(await File.ReadAllTextAsync(check.CodeQuality));
        CollectionAssert.AreEqual(expected, quality.RootElement.EnumerateArray().Select(i => i.GetProperty("check_name").GetString()).ToArray());
        var summary = await File.ReadAllTextAsync(check.Summary);
        var positions = expected.Select(code => summary.IndexOf($"[{code}]", StringComparison.Ordinal)).ToArray();
        CollectionAssert.AreEqual(positions.Order().ToArray(), positions, summary);
    }

    [TestMethod]
    public async Task The_task_gets_the_progress_lines_while_the_check_runs_and_the_diagnostics_most_important_first()
    {
        using var check = await CiReportRun.StartAsync("MixedFindings", "Sqlite", ["--format", "json"]);

        var lines = check.Run.Output.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var kinds = lines.Select(l => l.GetProperty("type").GetString()).ToList();
        var firstDiagnostic = kinds.IndexOf("diagnostic");
        Assert.IsGreaterThan(1, kinds.Take(firstDiagnostic).Count(k => k == "progress"), "The progress of the replay streams before the diagnostics.");
        CollectionAssert.AreEqual(
            new[] { "MIG4002", "MIG3006", "MIG3003", "MIG1003" },
            lines.Where(l => l.GetProperty("type").GetString() == "diagnostic").Select(l => l.GetProperty("code").GetString()).ToArray());
    }

    [TestMethod]
    public async Task Fingerprints_stay_when_lines_above_a_finding_move()
    {
        using var workspace = new CliWorkspace("MixedFindings");
        var before = await FindingsAsync(workspace);
        foreach (var script in new[] { "Migrations/0002_add_index.down.sql", "Migrations/0003_add_notes.up.sql" })
        {
            workspace.Write(script, "-- moved\n-- down\n-- three lines\n" + await File.ReadAllTextAsync(workspace.PathOf(script)));
        }

        var after = await FindingsAsync(workspace);

        CollectionAssert.AreEqual(before.Select(f => (f.Rule, f.Fingerprint)).ToArray(), after.Select(f => (f.Rule, f.Fingerprint)).ToArray());
        var moved = before.Zip(after).Where(p => p.First.Rule is "MIG4002" or "MIG3003").ToList();
        Assert.HasCount(2, moved);
        Assert.IsTrue(moved.All(p => p.Second.Line == p.First.Line + 3), string.Join(", ", moved));
    }

    [TestMethod]
    public async Task Paths_are_relative_to_the_repository_root_found_upwards_or_given()
    {
        using var workspace = new CliWorkspace();
        Directory.CreateDirectory(workspace.PathOf(".git"));
        workspace.Write("src/App/Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        workspace.Write("src/App/Migrations/0001_create_users.down.sql", "DROP TABLE IF EXISTS user;\n");
        var reports = workspace.PathOf("out");
        var migrations = workspace.PathOf("src/App/Migrations");

        var found = await EngineProcess.RunAsync("check", "--migrations", migrations, "--report-dir", reports);
        Assert.AreEqual(1, found.ExitCode, found.ToString());
        Assert.AreEqual("src/App/Migrations/0001_create_users.down.sql", await SarifUriAsync(reports));
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(reports, "codequality.json")), "\"path\": \"src/App/Migrations/0001_create_users.down.sql\"");
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(reports, "junit.xml")), "src/App/Migrations/0001_create_users.down.sql:1: error MIG4");
        using (var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "migrations.sarif"))))
        {
            var root = sarif.RootElement.GetProperty("runs")[0].GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString();
            Assert.AreEqual(new Uri(workspace.Root + Path.DirectorySeparatorChar).AbsoluteUri, root);
        }

        var given = await EngineProcess.RunAsync("check", "--migrations", migrations, "--report-dir", reports, "--repository-root", workspace.PathOf("src"));
        Assert.AreEqual(1, given.ExitCode, given.ToString());
        Assert.AreEqual("App/Migrations/0001_create_users.down.sql", await SarifUriAsync(reports));
        SarifMultitool.AssertValid(Path.Combine(reports, "migrations.sarif"));
    }

    [TestMethod]
    public async Task A_failing_statement_is_reported_with_its_end_position()
    {
        using var check = await CiReportRun.StartAsync("FailingUp", "Sqlite");

        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(check.Sarif));
        var region = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "MIG2001")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.AreEqual(8, region.GetProperty("startLine").GetInt32());
        Assert.AreEqual(1, region.GetProperty("startColumn").GetInt32());
        Assert.AreEqual(8, region.GetProperty("endLine").GetInt32());
        Assert.AreEqual(53, region.GetProperty("endColumn").GetInt32(), "The column after INSERT ... 'admin') (its semicolon is not part of it).");
    }

    [TestMethod]
    public async Task The_summary_is_appended_to_the_GitHub_step_summary_after_what_is_there()
    {
        using var workspace = new CliWorkspace("MixedFindings");
        var stepSummary = workspace.Write("step-summary.md", "# Build\n\nCompiled.\n");
        var environment = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = stepSummary };

        using (await CiReportRun.StartAsync(workspace, "Sqlite", environment: environment))
        {
        }

        var first = await File.ReadAllTextAsync(workspace.PathOf("reports/summary.md"));
        Assert.AreEqual("# Build\n\nCompiled.\n\n" + first, await File.ReadAllTextAsync(stepSummary));

        using (await CiReportRun.StartAsync(workspace, "Sqlite", environment: environment))
        {
        }

        var second = await File.ReadAllTextAsync(workspace.PathOf("reports/summary.md"));
        Assert.AreEqual("# Build\n\nCompiled.\n\n" + first + "\n" + second, await File.ReadAllTextAsync(stepSummary), "A second project's check appends too.");
    }

    [TestMethod]
    public async Task Without_a_step_summary_variable_nothing_but_the_reports_is_written()
    {
        using var check = await CiReportRun.StartAsync("Healthy", "Sqlite");

        Assert.AreEqual(0, check.Run.ExitCode, check.Run.ToString());
        CollectionAssert.AreEquivalent(
            new[] { "codequality.json", "junit.xml", "migrations.sarif", "model.snapshot.txt", "schema.snapshot.txt", "summary.md" },
            Directory.GetFiles(check.Reports).Select(Path.GetFileName).ToArray());
        Assert.IsFalse(check.Run.AllText.Contains("GITHUB_STEP_SUMMARY", StringComparison.Ordinal), check.Run.ToString());
    }

    private static async Task<List<(string Rule, string Fingerprint, int Line)>> FindingsAsync(CliWorkspace workspace)
    {
        using var check = await CiReportRun.StartAsync(workspace, "Sqlite");
        Assert.AreEqual(1, check.Run.ExitCode, check.Run.ToString());
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(check.Sarif));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("ruleId").GetString()!,
            r.GetProperty("partialFingerprints").GetProperty("migrationsBuildFinding/v1").GetString()!,
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32())).ToList();
    }

    private static async Task<string?> SarifUriAsync(string reports)
    {
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "migrations.sarif")));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
    }
}
