using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>The entries of a history lock file (none when it does not exist) and its malformed lines.</summary>
public sealed record HistoryLockReadResult(string Path, bool Exists, ValueList<HistoryLockEntry> Entries, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>The highest released version, or null when nothing is released yet.</summary>
    public HistoryLockEntry? Last => Entries.Count == 0 ? null : Entries.MaxBy(e => e.Version);
}
