using Migrations.Build.Migrations;

namespace Migrations.Build.Checks;

/// <summary>The first check: what reading the migrations found wrong with them plus what the history lock says.</summary>
public static class HistoryCheck
{
    /// <param name="lockPath">The history lock; null: <c>migrations.lock</c> in the migrations directory.</param>
    public static CheckReport Run(MigrationSet set, string? lockPath)
    {
        var diagnostics = set.Diagnostics.ToList();
        if (Directory.Exists(set.Directory))
        {
            var lockFile = HistoryLock.Read(lockPath ?? Path.Combine(set.Directory, MigrationDiscovery.LockFileName));
            diagnostics.AddRange(HistoryLock.Compare(lockFile, set));
        }

        return CheckReport.Of("history", diagnostics, set.Migrations.Count == 1 ? "1 migration" : $"{set.Migrations.Count} migrations");
    }
}
