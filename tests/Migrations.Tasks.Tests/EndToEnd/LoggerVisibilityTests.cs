using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// The summary line and the progress lines show with the console logger at minimal verbosity and with the terminal
/// logger (the default of interactive builds, forced here with <c>-tl:on</c>) at detailed verbosity, the lowest at which
/// it shows messages, for a passing and a failing check.
/// </summary>
[TestClass]
public sealed partial class LoggerVisibilityTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("-tl:on;-tlp:v=d", "Healthy.Sqlite", 0, "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven")]
    [DataRow("-tl:off", "Healthy.Sqlite", 0, "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven")]
    [DataRow("-tl:on;-tlp:v=d", "Broken.MisnamedIndexDown", 1, "Migrations: 2 migrations on SQLite — upgrade ok, drift 0, downgrades 1/2 proven")]
    [DataRow("-tl:off", "Broken.MisnamedIndexDown", 1, "Migrations: 2 migrations on SQLite — upgrade ok, drift 0, downgrades 1/2 proven")]
    public void The_summary_and_progress_lines_show_in_every_logger(string logger, string sample, int exitCode, string summary)
    {
        var switches = logger.Split(';');
        var copy = SampleCopy.Create(sample, $"{TestContext.TestName}_{sample}_{switches.Length}");

        var result = copy.BuildWithLogger(copy.ProjectFile, switches[0], [.. switches.Skip(1), "-v:m", "-p:MigrationsProgressInterval=0"]);

        var shown = AnsiSequence().Replace(result.Output, string.Empty);
        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        Assert.Contains(summary, shown, result.ToString());
        Assert.Contains($"Migrations: migration 2/{(sample == "Healthy.Sqlite" ? 3 : 2)}: applying 0002_", shown, result.ToString());
    }

    // The terminal logger draws with VT100 sequences (colours, cursor moves, hyperlinks).
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")]
    private static partial Regex AnsiSequence();
}
