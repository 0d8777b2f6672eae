using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>
/// A PostgreSQL cluster of this user's, kept between builds: the first check without a connection string creates and
/// starts it in a cache folder, later checks find it running and use it at once (a fresh <c>initdb</c> and server start
/// cost 3 to 8 s a build). A keeper process (<see cref="WarmClusterKeeper"/>) stops the server once no check has used it
/// for <see cref="IdleTimeout"/>; the next check starts it again.
/// </summary>
/// <remarks>
/// Safe under parallel builds: starting, and the keeper's decision to stop, happen under an exclusive lock on
/// <c>warm.lock</c> (an OS file lock, released when its holder dies), and every check uses databases of its own, as on
/// any shared server (<see cref="ScratchDatabaseSweeper"/> drops those a killed check left). Safe after kills: a
/// half-made data directory is never used (initdb writes <c>data.new</c>, renamed when complete), and a server whose
/// postmaster was killed is started again. The folder is the user's cache (<c>$XDG_CACHE_HOME/migrations-build</c>,
/// else <c>~/.cache/migrations-build</c>), one cluster per server-binaries folder; as root, a folder under /tmp owned
/// by the server's account. <c>MIGRATIONS_POSTGRES_CLUSTER=temporary</c> turns it off (a throwaway cluster per check).
/// </remarks>
internal sealed class WarmCluster
{
    public const string DisableVariable = "MIGRATIONS_POSTGRES_CLUSTER";
    public const string IdleVariable = "MIGRATIONS_POSTGRES_IDLE_SECONDS";
    public const string RootVariable = "MIGRATIONS_POSTGRES_CACHE";

    private const int Port = 5432;
    private static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(15);

    private WarmCluster(string root, ClusterCommands commands, TimeSpan idleTimeout)
    {
        RootDirectory = root;
        Commands = commands;
        IdleTimeout = idleTimeout;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = root,
            Port = Port,
            Username = ClusterCommands.SuperUser,
            Database = "postgres",
            Timeout = 15,
        }.ConnectionString;
    }

    /// <summary>The folder of the cluster: data directory, socket, server log, lock and last-use files.</summary>
    public string RootDirectory { get; }

    public string ConnectionString { get; }

    public TimeSpan IdleTimeout { get; }

    internal ClusterCommands Commands { get; }

    internal string DataDirectory => Path.Combine(RootDirectory, "data");

    internal string LockFile => Path.Combine(RootDirectory, "warm.lock");

    internal string KeeperLockFile => Path.Combine(RootDirectory, "keeper.lock");

    /// <summary>Touched by every check at its start and end; the keeper measures idleness from it.</summary>
    internal string LastUseFile => Path.Combine(RootDirectory, "last-use");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Whether checks without a connection string use a warm cluster: not when turned off, not on Windows,
    /// and only where the keeper can be started in a session of its own (<c>setsid</c>), so that it outlives the build
    /// and a Ctrl+C in the build's terminal does not reach it.</summary>
    public static bool IsEnabled =>
        !string.Equals(Environment.GetEnvironmentVariable(DisableVariable), "temporary", StringComparison.OrdinalIgnoreCase)
        && !OperatingSystem.IsWindows()
        && WarmClusterKeeper.CanStart;

    /// <summary>The cluster in <paramref name="root"/> (for its keeper).</summary>
    internal static WarmCluster At(string root, ClusterCommands commands, TimeSpan idleTimeout) => new(root, commands, idleTimeout);

    /// <summary>Finds the warm cluster running, or creates and starts it, and makes sure its keeper runs.</summary>
    /// <exception cref="ProviderSetupException">No server binaries, or the server did not start.</exception>
    public static Task<WarmCluster> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(Environment.GetEnvironmentVariable(RootVariable), IdleTimeoutSetting(), cancellationToken);

    /// <summary>As <see cref="StartAsync(CancellationToken)"/>, in the cache folder <paramref name="cacheRoot"/> (null:
    /// the user's) with its own idle timeout.</summary>
    internal static async Task<WarmCluster> StartAsync(string? cacheRoot, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var binaries = await ServerBinaries.FindAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ProviderSetupException(Diagnostics.DiagnosticCodes.EngineNotInstalled, ServerBinaries.InstallAdvice);
        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var cluster = new WarmCluster(RootFor(binaries, account, cacheRoot), new ClusterCommands(binaries, account), idleTimeout);
        Directory.CreateDirectory(cluster.RootDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cluster.RootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using (await FileLock.AcquireAsync(cluster.LockFile, cancellationToken).ConfigureAwait(false))
        {
            cluster.MarkUsed();
            if (!await cluster.AcceptsConnectionsAsync(cancellationToken).ConfigureAwait(false))
            {
                await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        WarmClusterKeeper.EnsureRunning(cluster);
        return cluster;
    }

    /// <summary>Records a use, so that the keeper counts idleness from now.</summary>
    public void MarkUsed()
    {
        try
        {
            File.WriteAllText(LastUseFile, DateTime.UtcNow.ToString("O"));
        }
        catch (IOException)
        {
            // Another check is writing the same moment.
        }
    }

    internal async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return false;
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        await Commands.Account.TakeOwnershipAsync(RootDirectory, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            // A data directory is complete before it has its name: a killed initdb leaves only data.new behind.
            var fresh = DataDirectory + ".new";
            DeleteDirectory(fresh);
            DeleteDirectory(DataDirectory);
            await Commands.InitializeAsync(RootDirectory, fresh).ConfigureAwait(false);
            Directory.Move(fresh, DataDirectory);
        }

        // A postmaster.pid left by a killed server names a dead process: pg_ctl starts over it.
        await Commands.StartAsync(RootDirectory, DataDirectory, LogFile, Port).ConfigureAwait(false);
    }

    private static TimeSpan IdleTimeoutSetting() =>
        int.TryParse(Environment.GetEnvironmentVariable(IdleVariable), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultIdleTimeout;

    /// <summary>One folder per server-binaries folder (a cluster is tied to its major version).</summary>
    private static string RootFor(ServerBinaries binaries, ServerAccount account, string? cacheRoot)
    {
        var name = "pg-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(binaries.Directory)))[..10].ToLowerInvariant();
        if (cacheRoot is { Length: > 0 })
        {
            return Path.Combine(Path.GetFullPath(cacheRoot), name);
        }

        // Root's home is closed to the server's account; a socket path must stay under ~100 bytes.
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "migrations-build", name);
        return account.SwitchesUser || root.Length > 80
            ? Path.Combine("/tmp", $"migrations-build-warm-{Environment.UserName}-{name}")
            : root;
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
