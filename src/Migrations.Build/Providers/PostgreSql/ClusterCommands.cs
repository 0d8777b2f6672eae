using System.Globalization;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The server tools' commands that create, start and stop a cluster of our own (temporary or warm), run as
/// the server's account.</summary>
internal sealed class ClusterCommands(ServerBinaries binaries, ServerAccount account)
{
    public const string SuperUser = "postgres";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    public ServerBinaries Binaries => binaries;

    public ServerAccount Account => account;

    // A cancelled tool is killed with its whole process tree (initdb's bootstrap backend, the postmaster pg_ctl has
    // just forked), so nothing keeps writing into the folder the caller then deletes. Where setsid exists the tools run
    // in a session of their own: a terminal's Ctrl+C reaches only the engine, which cancels them itself, instead of
    // initdb dying of it and the cancel looking like a failed start.
    private static readonly Lazy<string?> Setsid = new(() => OperatingSystem.IsWindows() ? null : ServerBinaries.FindOnPath("setsid"));

    /// <summary><c>initdb -A trust -U postgres --no-sync -E UTF8 --locale=C</c>; a cancel kills it and its backend.</summary>
    public async Task InitializeAsync(string workingDirectory, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            binaries.InitDb,
            ["-D", dataDirectory, "-A", "trust", "-U", SuperUser, "--no-sync", "-E", "UTF8", "--locale=C"],
            workingDirectory,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ProviderSetupException(
                DiagnosticCodes.ScratchDatabaseFailed,
                $"initdb ({binaries.InitDb}) could not create a PostgreSQL cluster in {workingDirectory}: {result.Output}");
        }
    }

    /// <summary><c>pg_ctl start -w</c> with fsync, synchronous commit and full page writes off (nothing here must
    /// survive a crash) and, on Unix, no TCP listener: the socket is in <paramref name="socketDirectory"/>. A cancel
    /// kills pg_ctl with the postmaster it started (still its child until pg_ctl returns, written to postmaster.pid or
    /// not).</summary>
    public async Task StartAsync(string socketDirectory, string dataDirectory, string logFile, int port, CancellationToken cancellationToken = default)
    {
        var listen = OperatingSystem.IsWindows()
            ? "-c listen_addresses=127.0.0.1"
            : $"-k \"{socketDirectory}\" -c listen_addresses=''";
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"{listen} -c port={port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50");
        var result = await RunAsync(
            binaries.PgCtl,
            ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", logFile, "-o", options],
            socketDirectory,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile).ConfigureAwait(false) : string.Empty;
            throw new ProviderSetupException(
                DiagnosticCodes.ScratchDatabaseFailed,
                $"The PostgreSQL server of {dataDirectory} did not start: {result.Output} {LastLines(log, 5)}".TrimEnd());
        }
    }

    /// <summary>Stops the server of a data directory: at once (<c>immediate</c>) or after its clients (<c>fast</c>).</summary>
    public Task StopAsync(string dataDirectory, string mode = "immediate")
    {
        var (fileName, arguments) = StopCommand(dataDirectory, mode, wait: true);
        return ExternalCommand.RunAsync(fileName, arguments, null, ToolTimeout, CancellationToken.None);
    }

    /// <summary>Tells the server of a data directory to stop at once and returns without waiting (<c>pg_ctl -W</c>): for an
    /// engine that must exit now; the folder is left for the next check's sweep, which also stops a server this missed.</summary>
    public void SignalStop(string dataDirectory)
    {
        var (fileName, arguments) = StopCommand(dataDirectory, "immediate", wait: false);
        ExternalCommand.StartAndForget(fileName, arguments);
    }

    private (string FileName, List<string> Arguments) StopCommand(string dataDirectory, string mode, bool wait) =>
        account.Command(binaries.PgCtl, ["stop", wait ? "-w" : "-W", "-D", dataDirectory, "-m", mode]);

    private Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var (fileName, commandArguments) = account.Command(program, arguments);
        if (Setsid.Value is { } setsid)
        {
            // --wait: should setsid have to fork (it does when it leads its process group), it still returns the
            // tool's exit code, and the tool stays in its process tree.
            (fileName, commandArguments) = (setsid, ["--wait", fileName, .. commandArguments]);
        }

        return ExternalCommand.RunAsync(fileName, commandArguments, workingDirectory, ToolTimeout, cancellationToken);
    }

    private static string LastLines(string text, int count) =>
        string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count).Select(l => l.Trim()));
}
