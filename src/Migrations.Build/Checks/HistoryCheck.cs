using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Checks;

/// <summary>The first check: what discovery found wrong with the migrations plus what the history lock says.</summary>
public static class HistoryCheck
{
    /// <param name="lockPath">The history lock; null: <c>migrations.lock</c> in the migrations directory.</param>
    public static IReadOnlyList<Diagnostic> Run(MigrationSet set, string? lockPath)
    {
        var diagnostics = new List<Diagnostic>(set.Diagnostics);
        if (!Directory.Exists(set.Directory))
        {
            return diagnostics;
        }

        var lockFile = HistoryLock.Read(lockPath ?? Path.Combine(set.Directory, MigrationDiscovery.LockFileName));
        diagnostics.AddRange(HistoryLock.Compare(lockFile, set));
        return diagnostics;
    }
}
