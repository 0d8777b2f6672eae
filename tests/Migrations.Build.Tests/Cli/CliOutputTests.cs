using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrations.Build.Tests.Cli;

/// <summary>The engine process end to end on SQLite: exit codes and the exact lines a build shows.</summary>
[TestClass]
public sealed class CliOutputTests
{
    private const string SummaryPattern = @"^Migrations: 2 migrations on SQLite — upgrade ok, drift 0, downgrades 2/2 proven \(\d+\.\d\d s\)$";

    [TestMethod]
    public async Task Healthy_folder_exits_0_and_prints_only_the_summary_line()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--model", workspace.Model);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.HasCount(1, run.Output, run.ToString());
        Assert.MatchesRegex(SummaryPattern, run.Output[^1]);
        Assert.AreEqual(string.Empty, run.Error);
    }

    [TestMethod]
    public async Task A_folder_of_sql_that_no_layout_reads_fails_and_its_summary_says_nothing_was_checked()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("Migrations/helper.sql", "SELECT 1;\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        var summary = run.Output.Single(line => line.StartsWith("Migrations: ", StringComparison.Ordinal));
        StringAssert.StartsWith(summary, "Migrations: 0 migrations on SQLite — no migration read, nothing applied or proven, drift not checked (no model) (");
        Assert.DoesNotContain("upgrade ok", run.AllText);
        Assert.Contains("error MIG0008", run.AllText);
    }

    [TestMethod]
    public async Task Failing_up_is_reported_at_the_line_of_its_failing_statement()
    {
        using var workspace = new CliWorkspace("FailingUp");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(
            [
                $"{workspace.PathOf("Migrations/0002_x.up.sql")}(8,1): error MIG2001: Migration 0002_x failed: no such table: accounts",
                "Migrations: 2 migrations on SQLite — upgrade failed at 0002_x, drift not checked (no model), downgrades 1/2 proven (T s); 1 error(s), 0 warning(s)",
                "  drift: drift not checked (no model)",
            ]);
    }

    [TestMethod]
    public async Task Down_that_drops_a_misnamed_index_is_reported_as_MIG4002()
    {
        using var workspace = new CliWorkspace("MisnamedIndexDown");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(
            [
                $"{workspace.PathOf("Migrations/0002_add_index.down.sql")}(2,1): error MIG4002: The down of 0002_add_index leaves index ix_users_email on users behind: it did not exist before the up.",
                "Migrations: 2 migrations on SQLite — upgrade ok, drift not checked (no model), downgrades 1/2 proven (T s); 1 error(s), 0 warning(s)",
                "  drift: drift not checked (no model)",
            ]);
    }

    [TestMethod]
    public async Task Json_format_prints_one_object_per_line_and_ends_with_the_summary()
    {
        using var workspace = new CliWorkspace("MisnamedIndexDown");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--format", "json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        var objects = ParseEveryLine(run);
        var diagnostics = objects.Where(o => o.GetProperty("type").GetString() == "diagnostic").ToList();
        Assert.HasCount(1, diagnostics, run.ToString());
        var diagnostic = diagnostics[0];
        Assert.AreEqual("error", diagnostic.GetProperty("severity").GetString());
        Assert.AreEqual("MIG4002", diagnostic.GetProperty("code").GetString());
        Assert.AreEqual(workspace.PathOf("Migrations/0002_add_index.down.sql"), diagnostic.GetProperty("file").GetString());
        Assert.AreEqual(2, diagnostic.GetProperty("line").GetInt32());
        Assert.AreEqual(1, diagnostic.GetProperty("column").GetInt32());
        Assert.StartsWith("The down of 0002_add_index leaves index ix_users_email", diagnostic.GetProperty("message").GetString());
        Assert.AreEqual(
            "https://github.com/migrations-build/migrations-build/blob/main/docs/diagnostics.md#mig4002",
            diagnostic.GetProperty("helpLink").GetString());

        var summary = objects[^1];
        Assert.AreEqual("summary", summary.GetProperty("type").GetString());
        Assert.AreEqual(1, summary.GetProperty("errors").GetInt32());
        Assert.AreEqual(0, summary.GetProperty("warnings").GetInt32());
        Assert.MatchesRegex(@"^Migrations: 2 migrations on SQLite — upgrade ok, drift not checked \(no model\), downgrades 1/2 proven \(\d+\.\d\d s\); 1 error\(s\), 0 warning\(s\)$", summary.GetProperty("message").GetString());
        Assert.AreEqual(1, objects.Count(o => o.GetProperty("type").GetString() == "summary"), "one summary");
    }

    [TestMethod]
    public async Task Json_format_of_a_healthy_folder_has_progress_lines_and_a_clean_summary()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--model", workspace.Model, "--format", "json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var objects = ParseEveryLine(run);
        Assert.IsTrue(objects.SkipLast(1).All(o => o.GetProperty("type").GetString() == "progress"), run.ToString());
        var summary = objects[^1];
        Assert.AreEqual("summary", summary.GetProperty("type").GetString());
        Assert.MatchesRegex(SummaryPattern, summary.GetProperty("message").GetString());
        Assert.AreEqual(0, summary.GetProperty("errors").GetInt32());
        Assert.AreEqual(0, summary.GetProperty("warnings").GetInt32());
    }

    [TestMethod]
    public async Task Json_diagnostic_without_a_location_has_no_file_line_or_column()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", "Oracle", "--format", "json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        var diagnostic = ParseEveryLine(run).Single(o => o.GetProperty("type").GetString() == "diagnostic");
        Assert.AreEqual("MIG0003", diagnostic.GetProperty("code").GetString());
        Assert.IsFalse(diagnostic.TryGetProperty("file", out _), run.ToString());
        Assert.IsFalse(diagnostic.TryGetProperty("line", out _), run.ToString());
        Assert.IsFalse(diagnostic.TryGetProperty("column", out _), run.ToString());
        Assert.IsTrue(diagnostic.TryGetProperty("helpLink", out _), run.ToString());
    }

    /// <summary>Every stdout line must be a JSON object (the task passes anything else through as a plain message).</summary>
    internal static List<JsonElement> ParseEveryLine(EngineRun run)
    {
        Assert.IsNotEmpty(run.Output, run.ToString());
        var objects = new List<JsonElement>();
        foreach (var line in run.Output)
        {
            using var document = JsonDocument.Parse(line);
            Assert.AreEqual(JsonValueKind.Object, document.RootElement.ValueKind, line);
            Assert.IsTrue(document.RootElement.TryGetProperty("type", out _), line);
            objects.Add(document.RootElement.Clone());
        }

        return objects;
    }
}
