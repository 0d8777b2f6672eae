using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>Applies every up, in order, each in its own transaction, to an empty scratch database, and proves the
/// downgrade of each migration on the same database (see <see cref="ProofSegment"/>) so no up runs twice without need.</summary>
public static class UpgradeCheck
{
    /// <summary>The outcome of the pass: the final schema when every up applied, and the downgrade tally.</summary>
    public sealed record Outcome(DatabaseSchema? Schema, int ProofsAttempted, int ProofsPassed, string? FailedMigration);

    /// <summary>Below this many downgrade proofs a second scratch database costs more than it saves.</summary>
    private const int MinimumProofsToSplit = 40;

    public static async Task<Outcome> RunAsync(CheckContext context, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var scope = context.Request.Downgrade;
        var firstProof = !scope.Enabled ? migrations.Count : scope.LastCount is { } n ? Math.Max(0, migrations.Count - n) : 0;
        var split = context.Provider.ScalesWithParallelDatabases ? SplitPoint(migrations, firstProof, context.Provider.ProofCost) : null;
        if (split is not { } k)
        {
            var run = await StartAsync(new ProofSegment(context, migrations, firstProof, migrations.Count, readSchema: true), cancellationToken);
            context.UpgradeDatabaseCreated();
            return await run;
        }

        // Two scratch databases prove the two parts of the history at once (the lower one applies only the ups it
        // needs): the proofs are the expensive part, and a build machine has the cores. The databases are created one
        // after the other, the lower part's first (SplitPoint counts the upper part's later start).
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
    private static async Task<Task<Outcome>> StartAsync(ProofSegment segment, CancellationToken cancellationToken)
    {
        var run = Task.Run(() => segment.RunAsync(cancellationToken), cancellationToken);
        await Task.WhenAny(segment.DatabaseCreated, run);
        return run;
    }

    /// <summary>Where to split the proofs so both scratch databases do about the same work, or null to use one. The
    /// upper part applies every up and proves the migrations above the split; the lower part applies the ups below it
    /// and proves those. Costs per <paramref name="cost"/>: an up or a down costs its statement count (growing with
    /// the position where statements cost more on a bigger schema), a proof adds two fingerprint reads, and the upper
    /// part starts one database creation later and alone reads the schema; no split when that saves less than a
    /// database creation.</summary>
    internal static int? SplitPoint(IReadOnlyList<Migration> migrations, int firstProof, ProofCost cost)
    {
        if (Environment.ProcessorCount < 2 || migrations.Count - firstProof < MinimumProofsToSplit)
        {
            return null;
        }

        var count = migrations.Count;
        var apply = new double[count];
        var prove = new double[count];
        double statementsBefore = 0;
        for (var i = 0; i < count; i++)
        {
            var statements = Math.Max(1, migrations[i].Up.Statements.Count);
            apply[i] = statements * (1 + (cost.StatementGrowth * i / count));
            statementsBefore += statements;
            prove[i] = (2 * apply[i]) + (2 * (cost.ReadBase + (cost.ReadPerStatement * statementsBefore)));
        }

        var all = apply.Sum();
        var alone = all + Enumerable.Range(firstProof, count - firstProof).Sum(i => prove[i] - apply[i]) + cost.SchemaRead;
        var lowerCost = apply.Take(firstProof).Sum();
        var upperCost = cost.DatabaseCreation + alone;
        for (var k = firstProof; k < count; k++)
        {
            lowerCost += prove[k];
            upperCost -= prove[k] - apply[k];
            if (lowerCost >= upperCost)
            {
                // The second database must save more than it costs to create (and drop) on a machine whose cores
                // are busy either way.
                return Math.Max(lowerCost, upperCost) + cost.DatabaseCreation < alone ? k + 1 : null;
            }
        }

        return null;
    }

    /// <summary>Applies an up (in its own transaction when <paramref name="transactional"/>, else in whatever is open);
    /// reports MIG2001 at the failing statement, rolls back an open transaction and returns false when it fails.</summary>
    internal static async Task<bool> TryApplyAsync(CheckContext context, IScratchDatabase database, Migration migration, bool transactional, CancellationToken cancellationToken)
    {
        if (await TryRunAsync(database, migration.Up, transactional, cancellationToken) is not { } failure)
        {
            return true;
        }

        context.Upgrade.Add(new Diagnostic(
            DiagnosticCodes.UpStatementFailed,
            $"Migration {migration} failed: {failure.Message}",
            failure.Location));
        return false;
    }

    /// <summary>Runs a script (in its own transaction when <paramref name="transactional"/>, else in whatever is open);
    /// when a statement fails, rolls back an open transaction and returns the failure.</summary>
    internal static async Task<StatementFailedException?> TryRunAsync(IScratchDatabase database, SqlScript script, bool transactional, CancellationToken cancellationToken)
    {
        try
        {
            if (transactional)
            {
                await database.BeginTransactionAsync(cancellationToken);
            }

            await database.ExecuteAsync(script, cancellationToken);
            if (transactional)
            {
                await database.CommitAsync(cancellationToken);
            }

            return null;
        }
        catch (StatementFailedException failure)
        {
            if (database.InTransaction)
            {
                await database.RollbackAsync(cancellationToken);
            }

            return failure;
        }
    }

    internal static bool NeedsNoTransaction(IDatabaseProvider provider, SqlScript script) =>
        script.NoTransaction || script.Statements.Any(provider.RequiresNoTransaction);
}
