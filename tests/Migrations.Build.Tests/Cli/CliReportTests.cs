using System.Text.Json;

namespace Migrations.Build.Tests.Cli;

/// <summary><c>--report-dir</c> end to end.</summary>
[TestClass]
public sealed class CliReportTests
{
    [TestMethod]
    public async Task Passing_run_writes_snapshots_summary_and_sarif()
    {
        using var workspace = new CliWorkspace("Healthy");
        var reports = workspace.PathOf("out/reports");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--model", workspace.Model, "--report-dir", reports);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        CollectionAssert.AreEquivalent(
            new[] { "codequality.json", "junit.xml", "migrations.sarif", "model.snapshot.txt", "schema.snapshot.txt", "summary.md" },
            Directory.GetFiles(reports).Select(Path.GetFileName).ToArray());
        Assert.Contains("ix_users_email", await File.ReadAllTextAsync(Path.Combine(reports, "schema.snapshot.txt")));
        Assert.AreEqual(
            await File.ReadAllTextAsync(Path.Combine(reports, "schema.snapshot.txt")),
            await File.ReadAllTextAsync(Path.Combine(reports, "model.snapshot.txt")),
            "No drift: the two snapshots are the same text.");
        Assert.Contains("2 migrations", await File.ReadAllTextAsync(Path.Combine(reports, "summary.md")));
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "migrations.sarif")));
        Assert.AreEqual("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.AreEqual(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [TestMethod]
    public async Task Failing_run_puts_its_error_in_the_sarif_report()
    {
        using var workspace = new CliWorkspace("MisnamedIndexDown");
        var reports = workspace.PathOf("reports");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--report-dir", reports);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "migrations.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.AreEqual("MIG4002", result.GetProperty("ruleId").GetString());
        Assert.AreEqual("error", result.GetProperty("level").GetString());
    }
}
