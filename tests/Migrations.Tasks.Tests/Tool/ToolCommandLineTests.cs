using Migrations.Build.Tool;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>The tool's command line: long and short options, anywhere they make sense, and clear refusals.</summary>
[TestClass]
public sealed class ToolCommandLineTests
{
    [TestMethod]
    [DataRow("snapshot --project app --at 0003 --format markdown --output schema.md --verbose")]
    [DataRow("snapshot -p app --at 0003 -f markdown -o schema.md -v")]
    [DataRow("-p app -v snapshot --at 0003 -f markdown -o schema.md")]
    public void Snapshot_options_have_long_and_short_forms(string commandLine)
    {
        var (request, errors) = ToolCommandLine.Read(commandLine.Split(' '));

        Assert.IsEmpty(errors, string.Join('\n', errors));
        Assert.AreEqual(
            new ToolRequest("snapshot") { Project = "app", At = "0003", Format = "markdown", Output = "schema.md", Verbose = true },
            request);
    }

    [TestMethod]
    [DataRow("diff 0002 0005", "0005", false)]
    [DataRow("diff 0002 --model", null, true)]
    [DataRow("diff 0002 -m", null, true)]
    public void Diff_takes_two_versions_or_one_and_the_model(string commandLine, string? to, bool model)
    {
        var (request, errors) = ToolCommandLine.Read(commandLine.Split(' '));

        Assert.IsEmpty(errors, string.Join('\n', errors));
        Assert.AreEqual(new ToolRequest("diff") { From = "0002", To = to, Model = model }, request);
    }

    [TestMethod]
    public void Check_reads_the_project_option()
    {
        var (request, errors) = ToolCommandLine.Read(["check", "-p", "src/App/App.csproj"]);

        Assert.IsEmpty(errors, string.Join('\n', errors));
        Assert.AreEqual(new ToolRequest("check") { Project = "src/App/App.csproj" }, request);
    }

    [TestMethod]
    [DataRow("diff 0002", "diff compares FROM with either TO or --model: give one of them.")]
    [DataRow("diff 0002 0003 --model", "diff compares FROM with either TO or --model: give one of them.")]
    [DataRow("snapshot -f xml", "Argument 'xml' not recognized. Must be one of:")]
    [DataRow("diff 1 2 -f markdown", "Argument 'markdown' not recognized. Must be one of:")]
    [DataRow("check --at 3", "Unrecognized command or argument '--at'.")]
    [DataRow("lint", "Unrecognized command or argument 'lint'.")]
    public void Wrong_command_lines_are_refused_with_the_reason(string commandLine, string error)
    {
        var (request, errors) = ToolCommandLine.Read(commandLine.Split(' '));

        Assert.IsNull(request);
        Assert.IsTrue(errors.Any(e => e.StartsWith(error, StringComparison.Ordinal)), string.Join('\n', errors));
    }
}
