using System.Diagnostics;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using Npgsql;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>
/// The warm cluster, each test in a cache folder of its own: later checks reuse the running server, parallel starts
/// share one, a killed server or a half-made data directory is recovered, and the keeper stops an idle server. Every
/// test stops its server and deletes its folder.
/// </summary>
[TestClass]
public sealed class WarmClusterTests
{
    private static readonly TimeSpan LongIdle = TimeSpan.FromMinutes(10);

    private string _cache = null!;

    [TestInitialize]
    public void CreateCache()
    {
        // Short: the socket's path must stay under ~100 bytes.
        _cache = Path.Combine("/tmp", "mb-warm-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_cache);
    }

    [TestCleanup]
    public async Task StopAndDelete()
    {
        foreach (var data in Directory.EnumerateDirectories(_cache, "data", SearchOption.AllDirectories))
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                var (binaries, account) = await ToolsAsync();
                await new ClusterCommands(binaries, account).StopAsync(data);
            }
        }

        // A keeper may be stopping the same server at this moment: its last files go once the postmaster has exited.
        for (var attempt = 0; Directory.Exists(_cache); attempt++)
        {
            try
            {
                Directory.Delete(_cache, recursive: true);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    [TestMethod]
    public async Task A_second_start_uses_the_running_server()
    {
        var first = await StartAsync(LongIdle);
        var server = PostmasterId(first);
        await AssertAnswersAsync(first);

        var second = await StartAsync(LongIdle);

        Assert.AreEqual(first.RootDirectory, second.RootDirectory);
        Assert.AreEqual(server, PostmasterId(second), "the same postmaster serves the second check");
        await AssertAnswersAsync(second);
    }

    [TestMethod]
    public async Task Parallel_starts_share_one_server()
    {
        var clusters = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StartAsync(LongIdle)));

        Assert.AreEqual(1, clusters.Select(PostmasterId).Distinct().Count());
        foreach (var cluster in clusters)
        {
            await AssertAnswersAsync(cluster);
        }
    }

    [TestMethod]
    public async Task A_killed_server_is_started_again()
    {
        var first = await StartAsync(LongIdle);
        var killed = PostmasterId(first);
        using (var postmaster = Process.GetProcessById(killed))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        var second = await StartAsync(LongIdle);

        Assert.AreNotEqual(killed, PostmasterId(second));
        await AssertAnswersAsync(second);
    }

    [TestMethod]
    public async Task A_half_made_data_directory_is_never_used()
    {
        var first = await StartAsync(LongIdle);
        var (binaries, account) = await ToolsAsync();
        await new ClusterCommands(binaries, account).StopAsync(first.DataDirectory);
        // What a build killed during initdb leaves: the new directory half written, no complete one.
        Directory.Move(first.DataDirectory, first.DataDirectory + ".new");
        File.Delete(Path.Combine(first.DataDirectory + ".new", "PG_VERSION"));

        var second = await StartAsync(LongIdle);

        Assert.IsTrue(File.Exists(Path.Combine(second.DataDirectory, "PG_VERSION")));
        Assert.IsFalse(Directory.Exists(second.DataDirectory + ".new"));
        await AssertAnswersAsync(second);
    }

    [TestMethod]
    public async Task The_keeper_stops_the_server_once_it_is_idle_and_a_later_start_starts_it_again()
    {
        var cluster = await StartAsync(TimeSpan.FromSeconds(2));
        var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
        Assert.IsTrue(File.Exists(pidFile));

        // No fixed limit on a slow machine: the keeper checks every second; ten minutes means it never will.
        var waited = Stopwatch.StartNew();
        while (File.Exists(pidFile) && waited.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(250);
        }

        Assert.IsFalse(File.Exists(pidFile), "the idle server was not stopped");
        var again = await StartAsync(LongIdle);
        await AssertAnswersAsync(again);
    }

    [TestMethod]
    public async Task A_server_in_use_is_not_stopped_by_the_keeper()
    {
        var cluster = await StartAsync(TimeSpan.FromSeconds(1));
        var server = PostmasterId(cluster);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();

        // Several of the keeper's rounds while a check holds a connection and the last use is older than the timeout.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.AreEqual(server, PostmasterId(cluster));
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.AreEqual(1, (int)(await command.ExecuteScalarAsync())!);
    }

    private async Task<WarmCluster> StartAsync(TimeSpan idle)
    {
        try
        {
            return await WarmCluster.StartAsync(_cache, idle, CancellationToken.None);
        }
        catch (ProviderSetupException exception) when (exception.Descriptor == DiagnosticCodes.EngineNotInstalled)
        {
            PostgreSqlTestServer.CannotRun(exception.Message);
            throw;
        }
    }

    private static int PostmasterId(WarmCluster cluster) =>
        int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertAnswersAsync(WarmCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('fsync')", connection);
        Assert.AreEqual("off", (string?)await command.ExecuteScalarAsync());
    }

    private static async Task<(ServerBinaries Binaries, ServerAccount Account)> ToolsAsync()
    {
        var binaries = await ServerBinaries.FindAsync(CancellationToken.None);
        if (binaries is null)
        {
            PostgreSqlTestServer.CannotRun(ServerBinaries.InstallAdvice);
        }

        return (binaries!, await ServerAccount.ResolveAsync(CancellationToken.None));
    }
}
