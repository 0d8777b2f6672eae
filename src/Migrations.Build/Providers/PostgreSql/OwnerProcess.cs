using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The engine process that owns what it leaves on a server or a machine (a scratch database, a temporary
/// cluster): its host, process id and start time, so that a later run can tell at once when the owner is gone (the id
/// no longer exists, or was reused by a process that started at another time).</summary>
/// <param name="Host">A short key of the host and its process-id namespace (<see cref="ThisHost"/>).</param>
/// <param name="StartUtc">When the process started, to the second.</param>
internal sealed record OwnerProcess(string Host, int ProcessId, DateTime StartUtc)
{
    // Two readings of one process's start time differ by milliseconds (it is derived from the boot time); a process
    // that reuses the id starts later than that.
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    /// <summary>This process.</summary>
    public static OwnerProcess Current { get; } = ReadCurrent();

    /// <summary>8 hex digits of a hash of the host name and, on Linux, the process-id namespace: process ids mean the
    /// same only where both are equal (containers sharing a host name, e.g. with host networking, have their own ids).</summary>
    public static string ThisHost { get; } = HostKey();

    /// <summary>True when the owner runs on this host (its process can be looked up here).</summary>
    public bool IsOnThisHost => Host == ThisHost;

    /// <summary>True while the process runs (on this host); a process that exists but cannot be inspected counts as alive.</summary>
    public bool IsAlive => IsRunning(ProcessId, StartUtc);

    /// <summary>True while process <paramref name="processId"/> runs and started at <paramref name="startUtc"/>.</summary>
    public static bool IsRunning(int processId, DateTime startUtc)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return (process.StartTime.ToUniversalTime() - startUtc).Duration() < StartTolerance;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // exists but cannot be inspected: assume it is alive
        }
    }

    private static OwnerProcess ReadCurrent()
    {
        using var self = Process.GetCurrentProcess();
        var start = self.StartTime.ToUniversalTime();
        return new OwnerProcess(HostKey(), Environment.ProcessId, new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc));
    }

    private static string HostKey()
    {
        var identity = Environment.MachineName;
        try
        {
            if (OperatingSystem.IsLinux() && new FileInfo("/proc/self/ns/pid").LinkTarget is { } pidNamespace)
            {
                identity += "\n" + pidNamespace;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No namespace to read: the host name alone.
        }

        return string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).Take(4).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
