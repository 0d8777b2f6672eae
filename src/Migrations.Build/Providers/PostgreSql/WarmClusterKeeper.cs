using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>
/// The process that stops a <see cref="WarmCluster"/>'s server once no check has used it for its idle timeout: this
/// engine itself, run as <c>postgres-keeper</c> in a session of its own (<c>setsid</c>), so that it outlives the build
/// that started it and neither a Ctrl+C in the build's terminal nor MSBuild's kill of the engine's process tree reaches
/// it. One keeper per cluster (it holds <c>keeper.lock</c> while it lives); it ends when the server stops, whoever
/// stopped it.
/// </summary>
internal static class WarmClusterKeeper
{
    public const string CommandName = "postgres-keeper";

    private static readonly Lazy<string?> Setsid = new(() => ServerBinaries.FindOnPath("setsid"));

    /// <summary>The <c>setsid</c> program, or null where there is none (then checks use temporary clusters).</summary>
    public static string? SessionLauncher => Setsid.Value;

    /// <summary>Whether a keeper can be started from this process: <c>setsid</c> exists and this engine can be run again
    /// (a host that carries the engine's dll without its runtimeconfig, e.g. a tool, cannot).</summary>
    public static bool CanStart => SessionLauncher is not null && EngineCommand() is not null;

    /// <summary>Starts a keeper for <paramref name="cluster"/> unless one is alive.</summary>
    public static void EnsureRunning(WarmCluster cluster)
    {
        using (var alive = FileLock.TryAcquire(cluster.KeeperLockFile))
        {
            if (alive is null)
            {
                return;
            }
        }

        var (program, prefix) = EngineCommand()!.Value;
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // The shell gives the keeper /dev/null for its standard streams (the engine's are the build's pipes, which must
        // close when the engine ends) and setsid -f forks it into a new session and returns at once.
        foreach (var argument in (string[])["-c", "exec \"$0\" -f \"$@\" </dev/null >/dev/null 2>&1", SessionLauncher!, program, .. prefix,
                     CommandName, "--root", cluster.RootDirectory, "--bin", cluster.Commands.Binaries.Directory,
                     "--idle", ((int)cluster.IdleTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var launcher = Process.Start(startInfo);
        launcher?.WaitForExit();
    }

    /// <summary>The keeper's loop: returns when the server is stopped (by it or by anyone) or another keeper runs.</summary>
    public static async Task<int> RunAsync(string root, string binDirectory, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var commands = new ClusterCommands(new ServerBinaries(binDirectory), account);
        var cluster = WarmCluster.At(root, commands, idleTimeout);
        using var keeper = FileLock.TryAcquire(cluster.KeeperLockFile);
        if (keeper is null)
        {
            return 0;
        }

        var pause = TimeSpan.FromSeconds(Math.Clamp(idleTimeout.TotalSeconds / 4, 1, 30));
        while (File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")))
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            if (!IsIdle(cluster))
            {
                continue;
            }

            // Under the lock no check is starting; a check that already runs has its own connections open.
            using var held = FileLock.TryAcquire(cluster.LockFile);
            if (held is not null && IsIdle(cluster) && await ClientCountAsync(cluster, cancellationToken).ConfigureAwait(false) == 0)
            {
                await commands.StopAsync(cluster.DataDirectory, "fast").ConfigureAwait(false);
                return 0;
            }
        }

        return 0;
    }

    private static bool IsIdle(WarmCluster cluster) =>
        !File.Exists(cluster.LastUseFile) || DateTime.UtcNow - File.GetLastWriteTimeUtc(cluster.LastUseFile) >= cluster.IdleTimeout;

    private static async Task<long> ClientCountAsync(WarmCluster cluster, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (NpgsqlException)
        {
            // Not answering: nothing to keep alive; pg_ctl stop copes with a server that is already gone.
            return 0;
        }
    }

    /// <summary>How to run this engine again: the native executable itself, or the dotnet host with the engine's dll
    /// (also when this code runs in another host, e.g. a test run).</summary>
    private static (string Program, string[] Prefix)? EngineCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        // Not GetFileNameWithoutExtension: to it, ".Build" of "Migrations.Build" is an extension.
        var name = Path.GetFileName(process);
        if (name is "Migrations.Build" or "Migrations.Build.exe")
        {
            return (process, []);
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "Migrations.Build.dll");
        var host = name is "dotnet" or "dotnet.exe" ? process : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ServerBinaries.FindOnPath("dotnet");
        return host is not null && File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"))
            ? (host, [dll])
            : null;
    }
}
