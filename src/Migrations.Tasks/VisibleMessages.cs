using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Migrations.Tasks;

/// <summary>The lines a person must see: the check's summary and, on a long check, a progress line every few seconds
/// (every engine step is logged too, at low importance, for -v:detailed and the binary log).</summary>
/// <remarks>High-importance messages show with the console logger from -v:minimal on. The terminal logger (the default
/// of interactive builds since .NET 9) shows messages only from -v:detailed on (-tlp:v=d), by design
/// (dotnet/msbuild#9667, dotnet/sdk#43293); its one immediate channel is reserved to test projects.</remarks>
internal sealed class VisibleMessages(TaskLoggingHelper log, TimeSpan progressInterval)
{
    private readonly Stopwatch _sinceShown = Stopwatch.StartNew();

    public void Show(string message) => log.LogMessage(MessageImportance.High, message, []);

    /// <summary>Shows <paramref name="message"/> if the last visible line is older than the interval; returns whether it did.</summary>
    public bool ShowProgress(string message)
    {
        if (_sinceShown.Elapsed < progressInterval)
        {
            return false;
        }

        _sinceShown.Restart();
        Show("Migrations: " + message);
        return true;
    }
}
