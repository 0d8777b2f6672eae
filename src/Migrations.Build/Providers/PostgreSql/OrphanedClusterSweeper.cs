using System.Globalization;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Stops and deletes the temporary clusters (<c>mb-pg-*</c>) of engines that died without cleaning up: a
/// killed build (kill -9, a CI job timeout) leaves the server running, since <c>pg_ctl start</c> detaches it.</summary>
/// <remarks>A cluster's folder holds an <c>owner</c> file with the engine's process id and start time; a cluster is
/// an orphan when that process is gone (a reused process id has another start time). A folder without a readable
/// owner file is left alone until it is an hour old (it may be a cluster being created right now). Folders of other
/// users cannot be read and are never touched.</remarks>
internal static class OrphanedClusterSweeper
{
    public const string FolderPrefix = "mb-pg-";
    public const string OwnerFileName = "owner";
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    /// <summary>Marks <paramref name="clusterRoot"/> as owned by this process.</summary>
    public static void WriteOwner(string clusterRoot)
    {
        var self = OwnerProcess.Current;
        File.WriteAllText(
            Path.Combine(clusterRoot, OwnerFileName),
            string.Create(CultureInfo.InvariantCulture, $"{self.ProcessId} {self.StartUtc.Ticks}\n"));
    }

    /// <summary>True when <paramref name="parent"/> holds an orphaned cluster (cheap: reads the owner files only).</summary>
    public static bool HasOrphans(string parent, DateTime nowUtc)
    {
        try
        {
            return Directory.EnumerateDirectories(parent, FolderPrefix + "*").Any(folder => IsOrphan(folder, nowUtc));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Stops and deletes the orphaned clusters under <paramref name="parent"/>; returns their folders.</summary>
    public static async Task<IReadOnlyList<string>> SweepAsync(string parent, Func<string, Task> stopServer, DateTime nowUtc)
    {
        var swept = new List<string>();
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent, FolderPrefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return swept;
        }

        foreach (var folder in folders)
        {
            if (!IsOrphan(folder, nowUtc))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await stopServer(data).ConfigureAwait(false);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                swept.Add(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still in use or not ours after all: the next run tries again.
            }
        }

        return swept;
    }

    internal static bool IsOrphan(string folder, DateTime nowUtc)
    {
        string owner;
        try
        {
            owner = File.ReadAllText(Path.Combine(folder, OwnerFileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CanEnter(folder) && IsPastGrace(folder, nowUtc);
        }

        var parts = owner.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return IsPastGrace(folder, nowUtc);
        }

        return !OwnerProcess.IsRunning(pid, new DateTime(startTicks, DateTimeKind.Utc));
    }

    private static bool IsPastGrace(string folder, DateTime nowUtc) => Directory.GetLastWriteTimeUtc(folder) < nowUtc - Grace;

    private static bool CanEnter(string folder)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).Any();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
