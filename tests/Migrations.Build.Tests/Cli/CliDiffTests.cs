using System.Text.Json;

namespace Migrations.Build.Tests.Cli;

/// <summary><c>diff</c>: two versions, or a version and the model, in the words of the checks.</summary>
[TestClass]
public sealed class CliDiffTests
{
    [TestMethod]
    [DataRow("1", "2", new[] { "Index ix_users_email on users exists after 0002, not after 0001.", "Diff 0001 → 0002 on SQLite: 1 difference." })]
    [DataRow("2", "1", new[] { "Index ix_users_email on users exists after 0002, not after 0001.", "Diff 0002 → 0001 on SQLite: 1 difference." })]
    [DataRow("0", "1", new[] { "Table users exists after 0001, not after 0.", "Diff 0 → 0001 on SQLite: 1 difference." })]
    public async Task Two_versions_differ_by_what_the_migrations_between_them_change(string from, string to, string[] expected)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, from, to);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(expected);
    }

    [TestMethod]
    public async Task The_same_version_twice_has_no_differences_and_exits_0()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "2", "0002");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(["Diff 0002 → 0002 on SQLite: no differences."]);
    }

    [TestMethod]
    public async Task A_version_against_the_model_prints_the_drift_checks_diagnostics()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "1", "--model", workspace.Model);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(
        [
            $"{workspace.Model}(2,1): error MIG3002: Index ix_users_email on users is in the model, but missing after the migrations.",
            "Diff 0001 → the model on SQLite: 1 difference.",
        ]);
    }

    [TestMethod]
    public async Task The_last_version_against_its_model_has_no_differences()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "2", "--model", workspace.Model);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(["Diff 0002 → the model on SQLite: no differences."]);
    }

    [TestMethod]
    public async Task Json_diff_has_one_entry_per_difference_with_its_code_and_place()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "1", "--model", workspace.Model, "--format", "json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        using var document = JsonDocument.Parse(string.Join('\n', run.Output));
        var difference = document.RootElement.GetProperty("differences").EnumerateArray().Single();
        Assert.AreEqual("MIG3002", difference.GetProperty("code").GetString());
        Assert.AreEqual(workspace.Model, difference.GetProperty("file").GetString());
        Assert.AreEqual(2, difference.GetProperty("line").GetInt32());
        Assert.AreEqual("the model", document.RootElement.GetProperty("to").GetString());
    }

    [TestMethod]
    [DataRow(new[] { "1" })]
    [DataRow(new[] { "1", "2", "--model", "schema.sql" })]
    public async Task FROM_needs_exactly_one_of_TO_and_model(string[] arguments)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync(["diff", "--migrations", workspace.Migrations, .. arguments]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.AreEqual("Migrations.Build: error MIG0006: diff compares FROM with either TO or --model: give one of them.", run.Error.TrimEnd());
    }

    [TestMethod]
    public async Task An_unknown_version_is_MIG0045()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "1", "9");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0045: No migration", run.Error, run.ToString());
        Assert.Contains("'9'", run.Error, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_missing_model_is_the_builds_MIG0002()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("diff", "--migrations", workspace.Migrations, "1", "--model", workspace.PathOf("missing.sql"));

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0002", run.Error, run.ToString());
        run.AssertNoStackTrace();
    }
}
