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
        var failed = migrations.Select((m, i) => (m, i)).FirstOrDefault(p => p.m.ToString() == replay.FailedMigration);
        var later = failed.m is null ? [] : migrations.Skip(failed.i + 1).ToList();
        var summary = $"upgrade failed at {replay.FailedMigration}";
        if (later.Count == 0)
        {
            return new CheckReport(new CheckOutcome("upgrade", CheckStatus.Failed, summary), [.. diagnostics]);
        }

        var notChecked = new Diagnostic(
            DiagnosticCodes.UpgradeStopped,
            $"{Count(later.Count)} after {replay.FailedMigration} {(later.Count == 1 ? "was" : "were")} not applied or checked (from {later[0]} on): fix the failing up to check {(later.Count == 1 ? "it" : "them")}.",
            later[0].Up.Start);
        return new CheckReport(new CheckOutcome("upgrade", CheckStatus.Failed, $"{summary} ({later.Count} later not checked)"), [.. diagnostics, notChecked]);
    }

    private static string Count(int migrations) => migrations == 1 ? "1 migration" : $"{migrations} migrations";
}
