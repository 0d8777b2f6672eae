using Migrations.Build.Checks.Downgrade;
using Migrations.Build.Migrations;

namespace Migrations.Build.Checks;

/// <summary>Replays the history on scratch databases: every up, in order, each in its own transaction, proving the
/// downgrade of each migration in scope on the same database (see <see cref="ProofSegment"/>), so no up runs twice
/// without need. Upgrade findings go to <see cref="CheckContext.Upgrade"/>, downgrade findings to
/// <see cref="CheckContext.Downgrade"/>.</summary>
public static class ReplayPass
{
    public static async Task<ReplayOutcome> RunAsync(CheckContext context, IReadOnlyList<Migration> history, CancellationToken cancellationToken)
    {
        var migrations = history.Select(m => OwnTransaction.Unwrapped(context.Provider, m)).ToList();
        var scope = context.Request.Downgrade;
        var firstProof = !scope.Enabled ? migrations.Count : scope.LastCount is { } n ? Math.Max(0, migrations.Count - n) : 0;
        var split = context.Provider.ScalesWithParallelDatabases ? ProofSplit.Point(migrations, firstProof, context.Provider.ProofCost) : null;
        if (split is not { } k)
        {
            var run = await StartAsync(new ProofSegment(context, migrations, firstProof, migrations.Count, readSchema: true), cancellationToken);
            context.UpgradeDatabaseCreated();
            return await run;
        }

        // Two scratch databases prove the two parts of the history at once (the lower one applies only the ups it
        // needs): the proofs are the expensive part, and a build machine has the cores. The databases are created one
        // after the other, the lower part's first (ProofSplit counts the upper part's later start).
        var lower = context.Fork();
        var upper = context.Fork();
        var lowerRun = await StartAsync(new ProofSegment(lower, migrations, firstProof, k, readSchema: false), cancellationToken);
        var upperRun = await StartAsync(new ProofSegment(upper, migrations, k, migrations.Count, readSchema: true), cancellationToken);
        context.UpgradeDatabaseCreated();
        var outcomes = await Task.WhenAll(lowerRun, upperRun);
        context.Absorb(lower);
        if (outcomes[0].FailedMigration is not null)
        {
            return outcomes[0]; // the upper part replayed the same failing up: its findings say nothing new
        }

        context.Absorb(upper);
        return outcomes[1] with
        {
            ProofsAttempted = outcomes[0].ProofsAttempted + outcomes[1].ProofsAttempted,
            ProofsPassed = outcomes[0].ProofsPassed + outcomes[1].ProofsPassed,
        };
    }

    /// <summary>Starts a segment on the thread pool and returns its run once it has its scratch database (or failed
    /// before), so the next database is asked for after it.</summary>
    private static async Task<Task<ReplayOutcome>> StartAsync(ProofSegment segment, CancellationToken cancellationToken)
    {
        var run = Task.Run(() => segment.RunAsync(cancellationToken), cancellationToken);
        await Task.WhenAny(segment.DatabaseCreated, run);
        return run;
    }
}
