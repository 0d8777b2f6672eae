using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Checks;

/// <summary>Proves that every up applies, in order, each in its own transaction, to an empty scratch database. The
/// ups run in the replay (<see cref="ReplayPass"/>), which proves the downgrades on the way; this check judges it.</summary>
public static class UpgradeCheck
{
    /// <param name="replay">The replay's outcome, or null when it could not start (a script cannot be read).</param>
    /// <param name="diagnostics">The replay's upgrade findings (MIG2xxx).</param>
    public static CheckReport Judge(ReplayOutcome? replay, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Migration> migrations)
    {
        if (replay is null)
        {
            return CheckReport.NotRun("upgrade", "upgrade not run (a script cannot be read)", diagnostics);
        }

        if (replay.Schema is not null)
        {
            return CheckReport.Of("upgrade", diagnostics, "upgrade ok");
        }

        // The ups after a failing one cannot apply: say how much of the history went unchecked, never a silent rest.
        // A warning, not an info: with the failing up fixed these may fail too, and a build log must show it.
        var later = NotApplied(replay, migrations);
        var outcome = new CheckOutcome("upgrade", CheckStatus.Failed, $"upgrade failed at {replay.FailedMigration}");
        if (later.Count == 0)
        {
            return new CheckReport(outcome, [.. diagnostics]);
        }

        var notChecked = new Diagnostic(
            DiagnosticCodes.UpgradeStopped,
            $"{Count(later.Count)} after {replay.FailedMigration} {(later.Count == 1 ? "was" : "were")} not applied or checked (from {later[0]} on): fix the failing up to check {(later.Count == 1 ? "it" : "them")}.",
            later[0].Up.Start);
        return new CheckReport(outcome, [.. diagnostics, notChecked]);
    }

    /// <summary>The migrations after the failing up, which were neither applied nor proven (none when every up
    /// applied, or the replay could not start).</summary>
    public static IReadOnlyList<Migration> NotApplied(ReplayOutcome? replay, IReadOnlyList<Migration> migrations)
    {
        if (replay?.FailedMigration is not { } failed)
        {
            return [];
        }

        var index = migrations.Select(m => m.ToString()).ToList().IndexOf(failed);
        return index < 0 ? [] : migrations.Skip(index + 1).ToList();
    }

    private static string Count(int migrations) => migrations == 1 ? "1 migration" : $"{migrations} migrations";
}
