using System.Diagnostics;
using Migrations.Build.Tests.Providers.PostgreSql;

namespace Migrations.Build.Tests.Cli;

/// <summary>The MSBuild task cancels the engine by writing <c>cancel</c> to its standard input: the engine must drop
/// what it created and exit with 130 within a few seconds. Long: each test builds a 300-migration history and the
/// PostgreSQL ones start a temporary cluster (a few seconds each).</summary>
[TestClass]
[TestCategory("Long")]
public sealed class CliCancellationTests
{
    private const int MigrationCount = 300;

    [TestMethod]
    public async Task Cancel_line_on_stdin_stops_a_SQLite_run_with_exit_code_130()
    {
        using var workspace = new CliWorkspace();
        LargeWorkload.Write(workspace, MigrationCount);
        await using var engine = EngineProcess.Start(["check", "--migrations", workspace.Migrations, "--format", "json"]);

        Assert.IsTrue(await engine.WaitForLineAsync(_ => true, TimeSpan.FromSeconds(30)), "The engine printed nothing.");
        await engine.WriteLineAsync("cancel");
        var clock = Stopwatch.StartNew();
        var run = await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.AreEqual(130, run.ExitCode, run.ToString());
        Console.WriteLine($"Cancelling took {clock.Elapsed}."); // exit code 130 proves the cancel; the time is not judged
        Assert.AreEqual("""{"type":"progress","message":"cancelled; scratch databases dropped"}""", run.Output[^1]);
        Assert.IsFalse(run.Output.Any(l => l.Contains("\"type\":\"summary\"", StringComparison.Ordinal)), "A cancelled run reports no summary.");
        run.AssertNoStackTrace();
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("json")]
    public async Task Ctrl_C_stops_a_SQLite_run_with_exit_code_130(string format)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("SIGINT is a Unix signal.");
        }

        using var workspace = new CliWorkspace();
        LargeWorkload.Write(workspace, MigrationCount);
        await using var engine = EngineProcess.Start(["check", "--migrations", workspace.Migrations, "--format", format, "--verbose"]);

        Assert.IsTrue(await engine.WaitForLineAsync(l => l.Contains("applying 0020", StringComparison.Ordinal), TimeSpan.FromSeconds(30)), "The run did not start.");
        engine.Interrupt();
        var clock = Stopwatch.StartNew();
        var run = await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.AreEqual(130, run.ExitCode, run.ToString());
        Console.WriteLine($"Cancelling took {clock.Elapsed}."); // exit code 130 proves the cancel; the time is not judged
        Assert.Contains("cancelled; scratch databases dropped", run.Output[^1], run.ToString());
        Assert.IsFalse(run.Output.Any(l => l.Contains("MIG2001", StringComparison.Ordinal)), "A cancelled statement is not a failed migration:\n" + run);
        run.AssertNoStackTrace();
    }

    [TestMethod]
    [DataRow("while the migrations apply", "cancel line")]
    [DataRow("while the cluster starts", "cancel line")]
    [DataRow("while the migrations apply", "Ctrl+C")]
    public async Task Cancelling_a_PostgreSql_run_removes_its_temporary_cluster(string when, string how)
    {
        if (!OperatingSystem.IsLinux())
        {
            PostgreSqlTestServer.CannotRun("Finding the run's server processes reads /proc (Linux only).");
        }

        using var workspace = new CliWorkspace();
        LargeWorkload.Write(workspace, MigrationCount);
        await using var engine = EngineProcess.Start(["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--format", "json"]);
        await using var watch = new TemporaryClusterWatch(engine.ProcessId);

        var started = when == "while the cluster starts"
            ? await WaitAsync(() => watch.Folders.Count > 0 || engine.HasExited, TimeSpan.FromSeconds(60))
            : await engine.WaitForLineAsync(l => l.Contains("applying", StringComparison.Ordinal) || l.Contains("\"diagnostic\"", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        if (engine.Output.FirstOrDefault(l => l.Contains("MIG0007", StringComparison.Ordinal)) is { } notInstalled)
        {
            PostgreSqlTestServer.CannotRun("No PostgreSQL server binaries: " + notInstalled);
        }

        Assert.IsTrue(started && !engine.HasExited, $"The run did not reach the point to cancel ({when}):\n{string.Join('\n', engine.Output)}");
        if (how == "Ctrl+C")
        {
            engine.Interrupt();
        }
        else
        {
            await engine.WriteLineAsync("cancel");
        }

        var clock = Stopwatch.StartNew();
        var run = await engine.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var exitedAfter = clock.Elapsed;

        Assert.AreEqual(130, run.ExitCode, run.ToString());
        // No timed assertion (the wait above only guards against a hang): how long it took is printed, not judged.
        Console.WriteLine($"Cancelling took {exitedAfter}.");
        run.AssertNoStackTrace();
        var folders = watch.Folders;
        Assert.HasCount(1, folders, "The run's temporary cluster folder was not seen: " + string.Join(", ", folders));
        var folder = folders.Single();
        Assert.IsFalse(Directory.Exists(folder), $"The cluster folder {folder} is left behind.");
        var servers = TemporaryClusterWatch.ProcessesUsing(folder);
        Assert.IsEmpty(servers, $"Server processes of {folder} are left running:\n{string.Join('\n', servers)}");
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
