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

    /// <summary><c>initdb -A trust -U postgres --no-sync -E UTF8 --locale=C</c>; never cancelled midway (a killed
    /// initdb leaves its bootstrap backend writing into a folder about to be deleted).</summary>
    public async Task InitializeAsync(string workingDirectory, string dataDirectory)
    {
        var result = await RunAsync(
            binaries.InitDb,
            ["-D", dataDirectory, "-A", "trust", "-U", SuperUser, "--no-sync", "-E", "UTF8", "--locale=C"],
            workingDirectory).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ProviderSetupException(
                DiagnosticCodes.ScratchDatabaseFailed,
                $"initdb ({binaries.InitDb}) could not create a PostgreSQL cluster in {workingDirectory}: {result.Output}");
        }
    }

    /// <summary><c>pg_ctl start -w</c> with fsync, synchronous commit and full page writes off (nothing here must
    /// survive a crash) and, on Unix, no TCP listener: the socket is in <paramref name="socketDirectory"/>. Never
    /// cancelled midway: killing pg_ctl can leave a postmaster that has not written postmaster.pid yet.</summary>
    public async Task StartAsync(string socketDirectory, string dataDirectory, string logFile, int port)
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
            socketDirectory).ConfigureAwait(false);
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
        var (fileName, arguments) = account.Command(binaries.PgCtl, ["stop", "-w", "-D", dataDirectory, "-m", mode]);
        return ExternalCommand.RunAsync(fileName, arguments, null, ToolTimeout, CancellationToken.None);
    }

    private Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var (fileName, commandArguments) = account.Command(program, arguments);
        return ExternalCommand.RunAsync(fileName, commandArguments, workingDirectory, ToolTimeout, CancellationToken.None);
    }

    private static string LastLines(string text, int count) =>
        string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count).Select(l => l.Trim()));
}
