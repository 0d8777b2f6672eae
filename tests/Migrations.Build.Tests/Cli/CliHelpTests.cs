namespace Migrations.Build.Tests.Cli;

/// <summary><c>--help</c> describes the whole command line.</summary>
[TestClass]
public sealed class CliHelpTests
{
    private static readonly string[] Options =
    [
        "--migrations", "--model", "--provider", "--connection", "--connection-file", "--pending-table", "--ignore", "--downgrade",
        "--require-downgrade", "--layout", "--report-dir", "--lock-file", "--update-lock", "--format", "--verbose",
    ];

    [TestMethod]
    [DataRow("--help")]
    [DataRow("check", "--help")]
    public async Task Help_exits_0_and_lists_every_option(params string[] arguments)
    {
        var run = await EngineProcess.RunAsync(arguments);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var text = string.Join('\n', run.Output);
        foreach (var option in Options)
        {
            Assert.Contains(option, text, $"{option} is missing from the help:\n{text}");
        }

        Assert.AreEqual(string.Empty, run.Error);
    }

    [TestMethod]
    public async Task Help_says_that_a_connection_on_the_command_line_is_visible_to_ps()
    {
        var run = await EngineProcess.RunAsync("check", "--help");

        var text = string.Join('\n', run.Output);
        Assert.Contains("Visible to other users of this machine (ps)", text, text);
    }
}
