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
    [DataRow("while the cluster starts", "Ctrl+C")]
    [DataRow("while the cluster starts", "terminal Ctrl+C")]
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
        var clock = Stopwatch.StartNew();
        switch (how)
        {
            case "Ctrl+C":
                engine.Interrupt();
                break;
            case "terminal Ctrl+C":
                engine.InterruptGroup();
                break;
            default:
                await engine.WriteLineAsync("cancel");
                break;
        }

        var run = await engine.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var exitedAfter = clock.Elapsed;

        Assert.AreEqual(130, run.ExitCode, run.ToString());
        Assert.Contains("cancelled", run.Output[^1], run.ToString());
        // No timed assertion (the wait above only guards against a hang): how long it took is printed, not judged.
        Console.WriteLine($"Cancelling took {exitedAfter}.");
        run.AssertNoStackTrace();
        var folders = watch.Folders;
        Assert.HasCount(1, folders, "The run's temporary cluster folder was not seen: " + string.Join(", ", folders));
        var folder = folders.Single();
        if (run.Output[^1].Contains("cancelled; stopped after", StringComparison.Ordinal))
        {
            // The cancel deadline ended the engine before its cleanup was done (a loaded machine): the cluster of the
            // dead engine is removed by the next PostgreSQL check on this machine.
            using var next = new CliWorkspace();
            next.WriteUsersMigration();
            var again = await EngineProcess.RunAsync(["check", "--migrations", next.Migrations, "--provider", "PostgreSql"], timeout: TimeSpan.FromSeconds(180));
            Assert.AreEqual(0, again.ExitCode, again.ToString());
        }

        Assert.IsFalse(Directory.Exists(folder), $"The cluster folder {folder} is left behind.");
        var servers = TemporaryClusterWatch.ProcessesUsing(folder);
        Assert.IsEmpty(servers, $"Server processes of {folder} are left running:\n{string.Join('\n', servers)}");
    }

    [TestMethod]
    public async Task A_killed_run_s_temporary_cluster_is_removed_by_the_next_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            PostgreSqlTestServer.CannotRun("Finding the run's server processes reads /proc (Linux only).");
        }

        using var workspace = new CliWorkspace();
        workspace.Write("Migrations/0001_wait.up.sql", "SELECT pg_sleep(600);\n");
        workspace.Write("Migrations/0001_wait.down.sql", "SELECT 1;\n");
        await using var engine = EngineProcess.Start(["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--format", "json"]);
        await using var watch = new TemporaryClusterWatch(engine.ProcessId);
        Assert.IsTrue(await WaitAsync(() => watch.Folders.Count > 0 || engine.HasExited, TimeSpan.FromSeconds(60)), "No cluster was started.");
        var folder = watch.Folders.Single();
        var cluster = $"Host={folder};Port=5432;Username=postgres;Database=postgres;Timeout=5";
        Assert.IsTrue(await WaitAsync(() => File.Exists(Path.Combine(folder, ".s.PGSQL.5432")) || engine.HasExited, TimeSpan.FromSeconds(90)), "The cluster did not start:\n" + string.Join('\n', engine.Output));
        Assert.IsTrue(await ScratchDatabaseLedger.WaitForStatementAsync(cluster, engine.ProcessId, "%pg_sleep%", () => engine.HasExited, TimeSpan.FromSeconds(90)), "The migration never ran:\n" + string.Join('\n', engine.Output));

        engine.Kill();
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.IsTrue(Directory.Exists(folder), "SIGKILL should leave the cluster behind.");
        Assert.IsNotEmpty(TemporaryClusterWatch.ProcessesUsing(folder), "SIGKILL should leave the server running.");

        var next = new CliWorkspace();
        using (next)
        {
            next.WriteUsersMigration();
            var run = await EngineProcess.RunAsync(["check", "--migrations", next.Migrations, "--provider", "PostgreSql", "--format", "json"], timeout: TimeSpan.FromSeconds(120));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
        }

        Assert.IsFalse(Directory.Exists(folder), $"The killed run's cluster {folder} is left behind.");
        Assert.IsEmpty(TemporaryClusterWatch.ProcessesUsing(folder), "The killed run's server is still running.");
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
