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
        var split = context.Provider.ScalesWithParallelDatabases ? SplitPoint(migrations, firstProof) : null;
        if (split is not { } k)
        {
            return await new ProofSegment(context, migrations, firstProof, migrations.Count, readSchema: true).RunAsync(cancellationToken);
        }

        // Two scratch databases prove the two parts of the history at once (the lower one applies only the ups it
        // needs): the proofs are the expensive part, and a build machine has the cores.
        var lower = context.Fork();
        var upper = context.Fork();
        var outcomes = await Task.WhenAll(
            Task.Run(() => new ProofSegment(lower, migrations, firstProof, k, readSchema: false).RunAsync(cancellationToken), cancellationToken),
            Task.Run(() => new ProofSegment(upper, migrations, k, migrations.Count, readSchema: true).RunAsync(cancellationToken), cancellationToken));
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

    /// <summary>Where to split the proofs so both scratch databases do about the same work, or null to use one. An up
    /// or a down costs about its statement count times the schema size (which grows with the position); the upper
    /// part applies every up and the downs above the split, the lower part the ups and downs below it.</summary>
    internal static int? SplitPoint(IReadOnlyList<Migration> migrations, int firstProof)
    {
        if (Environment.ProcessorCount < 2 || migrations.Count - firstProof < MinimumProofsToSplit)
        {
            return null;
        }

        var weights = migrations.Select((m, i) => (double)Math.Max(1, m.Up.Statements.Count) * (migrations.Count + i)).ToArray();
        var all = weights.Sum();
        var unproven = weights.Take(firstProof).Sum();
        double below = 0, lowerCost = unproven;
        for (var k = firstProof; k < migrations.Count; k++)
        {
            below += weights[k];
            lowerCost += 2 * weights[k];
            var upperCost = all + (all - unproven - below);
            if (lowerCost >= upperCost)
            {
                return k + 1;
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
