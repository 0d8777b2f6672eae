using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Proves every downgrade: for each migration, up then down restores the exact previous schema (names
/// included), and the up applies again. The proofs run during the replay of the ups (<see cref="ReplayPass"/>, by
/// <see cref="ProofSegment"/>: a reverse sweep, and <see cref="DowngradeProof"/> one by one where the sweep cannot
/// prove); this check judges what they found.</summary>
public static class DowngradeCheck
{
    /// <param name="replay">The replay's outcome, or null when it could not start.</param>
    /// <param name="diagnostics">The proofs' findings (MIG4xxx).</param>
    public static CheckReport Judge(DowngradeScope scope, IReadOnlyList<Migration> migrations, ReplayOutcome? replay, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (!scope.Enabled)
        {
            return CheckReport.NotRun("downgrade", "downgrades not checked (turned off)", diagnostics);
        }

        if (replay is null)
        {
            return CheckReport.NotRun("downgrade", "downgrades not checked", diagnostics);
        }

        var inScope = scope.LastCount is { } n ? migrations.TakeLast(n).ToList() : migrations.ToList();
        var withDown = inScope.Count(m => m.Down is not null);
        var summary = $"downgrades {replay.ProofsPassed}/{inScope.Count} proven";
        if (withDown < inScope.Count)
        {
            summary += $" ({inScope.Count - withDown} without down)";
        }

        if (replay.Schema is null && replay.ProofsAttempted < withDown)
        {
            summary += $" (stopped at {replay.FailedMigration})";
        }

        return CheckReport.Of("downgrade", diagnostics, summary);
    }
}
