using System.Text.RegularExpressions;

namespace Migrations.Build.Tests.Cli;

/// <summary>Learns which temporary PostgreSQL cluster folders (<c>/tmp/mb-pg-*</c>) one engine process creates, by
/// polling the command lines of its descendant processes (initdb, pg_ctl) in /proc. Other runs on the machine create
/// folders of the same form at the same time, so a plain before/after listing of /tmp would not tell them apart.</summary>
internal sealed partial class TemporaryClusterWatch : IAsyncDisposable
{
    private readonly int _root;
    private readonly HashSet<string> _folders = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;

    public TemporaryClusterWatch(int processId)
    {
        _root = processId;
        _polling = Task.Run(PollAsync);
    }

    public IReadOnlyCollection<string> Folders
    {
        get
        {
            lock (_folders)
            {
                return _folders.ToList();
            }
        }
    }

    /// <summary>Processes anywhere on the machine whose command line names <paramref name="folder"/> (e.g. the postmaster's <c>-D folder/data</c>).</summary>
    public static IReadOnlyList<string> ProcessesUsing(string folder) =>
        AllProcesses().Select(p => CommandLine(p)).Where(c => c.Contains(folder, StringComparison.Ordinal)).ToList();

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var process in DescendantsOf(_root))
            {
                foreach (Match match in ClusterFolder().Matches(CommandLine(process)))
                {
                    lock (_folders)
                    {
                        _folders.Add(match.Value);
                    }
                }
            }

            try
            {
                await Task.Delay(15, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The processes below <paramref name="root"/> (children, their children, …), read from /proc.</summary>
    public static IEnumerable<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var process in AllProcesses())
        {
            if (ParentOf(process) is { } parent)
            {
                parents[process] = parent;
            }
        }

        foreach (var (process, _) in parents)
        {
            for (var ancestor = process; parents.TryGetValue(ancestor, out var parent) && ancestor != parent; ancestor = parent)
            {
                if (parent == root)
                {
                    yield return process;
                    break;
                }
            }
        }
    }

    private static IEnumerable<int> AllProcesses() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, System.Globalization.CultureInfo.InvariantCulture));

    private static int? ParentOf(int process)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{process}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string CommandLine(int process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process}/cmdline").Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    [GeneratedRegex(@"/[^\s""']*/mb-pg-[0-9a-f]{8}")]
    private static partial Regex ClusterFolder();
}
