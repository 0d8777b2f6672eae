using System.Globalization;
using System.Security.Cryptography;
using Migrations.Build.Diagnostics;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>A throwaway PostgreSQL cluster in a temporary folder, used when no connection string is given;
/// disposing it stops the server and deletes the folder.</summary>
/// <remarks>
/// Started for speed and isolation: <c>initdb -A trust -U postgres --no-sync -E UTF8 --locale=C</c>, then
/// <c>pg_ctl start -w</c> with fsync, synchronous commit and full page writes off (nothing here must survive a crash)
/// and, on Unix, no TCP listener at all: the server is reached through a Unix socket in the cluster's own folder, so
/// it cannot collide with another server's port. On Windows it listens on 127.0.0.1 at a free port.
/// As root, the tools run as an unprivileged account (see <see cref="ServerAccount"/>). Clusters left running by a
/// killed engine are stopped and deleted by the next start (see <see cref="OrphanedClusterSweeper"/>).
/// </remarks>
public sealed class TemporaryCluster : IAsyncDisposable
{
    private const string SuperUser = ClusterCommands.SuperUser;

    private readonly ServerBinaries _binaries;
    private readonly ServerAccount _account;
    private int _disposed;

    // The clusters of this process that are not disposed yet, for an engine that must exit at once (AbandonAll).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<TemporaryCluster, byte> Live = new();

    private TemporaryCluster(ServerBinaries binaries, ServerAccount account, string rootDirectory, string connectionString)
    {
        _binaries = binaries;
        _account = account;
        RootDirectory = rootDirectory;
        ConnectionString = connectionString;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Live.TryAdd(this, 0);
    }

    /// <summary>For an engine that exits now (the cancel deadline): tells every live cluster's server to stop, without
    /// waiting; their folders carry this process's id, so the next check on this machine removes them.</summary>
    internal static void AbandonAll()
    {
        foreach (var cluster in Live.Keys)
        {
            if (File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")))
            {
                new ClusterCommands(cluster._binaries, cluster._account).SignalStop(cluster.DataDirectory);
            }
        }
    }

    /// <summary>The folder holding the data directory, the socket and the server log; deleted on dispose.</summary>
    public string RootDirectory { get; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database as its superuser (no password).</summary>
    public string ConnectionString { get; }

    /// <summary>The folder the server binaries were found in.</summary>
    public string BinDirectory => _binaries.Directory;

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Creates and starts a cluster.</summary>
    /// <exception cref="ProviderSetupException">No server binaries (<see cref="DiagnosticCodes.EngineNotInstalled"/>)
    /// or the server did not start (<see cref="DiagnosticCodes.ScratchDatabaseFailed"/>).</exception>
    public static async Task<TemporaryCluster> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = await ServerBinaries.FindAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ProviderSetupException(DiagnosticCodes.EngineNotInstalled, ServerBinaries.InstallAdvice);
        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);

        var parent = TemporaryParent(account);
        await SweepOrphansAsync(binaries, account).ConfigureAwait(false);

        // Short names: a Unix socket path must stay under ~100 bytes.
        var root = Path.Combine(parent, OrphanedClusterSweeper.FolderPrefix + RandomNumberGenerator.GetHexString(8, lowercase: true));
        Directory.CreateDirectory(root);
        OrphanedClusterSweeper.WriteOwner(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var port = OperatingSystem.IsWindows() ? FreeTcpPort() : 5432;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = OperatingSystem.IsWindows() ? "127.0.0.1" : root,
            Port = port,
            Username = SuperUser,
            Database = "postgres",
            Timeout = 15,
        };
        var cluster = new TemporaryCluster(binaries, account, root, builder.ConnectionString);
        try
        {
            await account.TakeOwnershipAsync(root, cancellationToken).ConfigureAwait(false);
            var commands = new ClusterCommands(binaries, account);
            await commands.InitializeAsync(root, cluster.DataDirectory, cancellationToken).ConfigureAwait(false);
            await commands.StartAsync(root, cluster.DataDirectory, cluster.LogFile, port, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return cluster;
        }
        catch (Exception exception)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);

            // Without setsid a terminal's Ctrl+C reaches initdb and pg_ctl too, which then fail: that is the cancel.
            if (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
            {
                throw new OperationCanceledException("The temporary cluster's start was cancelled.", exception, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>Stops the server at once (nothing in it is worth a clean shutdown) and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Live.TryRemove(this, out _);
        // Synchronous in Npgsql (it writes to each pooled connection): never on a socket thread (Cli.InlineSocketCompletions).
        await Task.Run(NpgsqlConnection.ClearAllPools).ConfigureAwait(false);
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await StopAsync(_binaries, _account, DataDirectory).ConfigureAwait(false);
        }

        DeleteRoot();
    }

    /// <summary>Stops the server at once and keeps the folder (tests of a server that goes away mid-check).</summary>
    internal Task StopServerAsync() => StopAsync(_binaries, _account, DataDirectory);

    /// <summary>Starts the server <see cref="StopServerAsync"/> stopped.</summary>
    internal Task StartServerAsync() =>
        new ClusterCommands(_binaries, _account).StartAsync(RootDirectory, DataDirectory, LogFile, new NpgsqlConnectionStringBuilder(ConnectionString).Port);

    /// <summary>Stops and deletes the clusters of engines that died without cleaning up; returns their folders.</summary>
    internal static Task<IReadOnlyList<string>> SweepOrphansAsync(ServerBinaries binaries, ServerAccount account) =>
        OrphanedClusterSweeper.SweepAsync(TemporaryParent(account), data => StopAsync(binaries, account, data), DateTime.UtcNow);

    /// <summary>Sweeps the temporary clusters of killed engines from any PostgreSQL run, also one on a given server or
    /// the warm cluster, so that the next check on this machine removes them whatever it runs on; the server tools are
    /// looked up only when there is an orphan.</summary>
    internal static async Task SweepOrphansAnywhereAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        string[] parents = OperatingSystem.IsWindows() ? [Path.GetTempPath()] : ["/tmp", Path.GetTempPath()];
        if (!parents.Any(parent => OrphanedClusterSweeper.HasOrphans(parent, now))
            || await ServerBinaries.FindAsync(cancellationToken).ConfigureAwait(false) is not { } binaries)
        {
            return;
        }

        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await SweepOrphansAsync(binaries, account).ConfigureAwait(false);
    }

    /// <summary>Stops the server of a data directory at once.</summary>
    private static Task StopAsync(ServerBinaries binaries, ServerAccount account, string dataDirectory) =>
        new ClusterCommands(binaries, account).StopAsync(dataDirectory);

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void DeleteRoot()
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(RootDirectory); attempt++)
        {
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The server may still be releasing files (Windows); try again shortly.
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Root's TMPDIR may be private (e.g. under /root); the unprivileged account needs a folder it can enter.</summary>
    private static string TemporaryParent(ServerAccount account) =>
        account.SwitchesUser && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();

    private static int FreeTcpPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

}
