using Migrations.Build.Diagnostics;

namespace Migrations.Build.Checks;

/// <summary>Proves that every up applies, in order, each in its own transaction, to an empty scratch database. The
/// ups run in the replay (<see cref="ReplayPass"/>), which proves the downgrades on the way; this check judges it.</summary>
public static class UpgradeCheck
{
    /// <param name="replay">The replay's outcome, or null when it could not start (a script cannot be read).</param>
    /// <param name="diagnostics">The replay's upgrade findings (MIG2xxx).</param>
    public static CheckReport Judge(ReplayOutcome? replay, IReadOnlyList<Diagnostic> diagnostics) =>
        replay switch
        {
            null => CheckReport.NotRun("upgrade", "upgrade not run (a script cannot be read)", diagnostics),
            { Schema: null } => new CheckReport(new CheckOutcome("upgrade", CheckStatus.Failed, $"upgrade failed at {replay.FailedMigration}"), [.. diagnostics]),
            _ => CheckReport.Of("upgrade", diagnostics, "upgrade ok"),
        };
}
