using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>Applies every up, in order, each in its own transaction, to an empty scratch database; proves the
/// downgrade of each migration in the same pass (see <see cref="DowngradeProof"/>) so no up runs twice without need.</summary>
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
            return await RunSegmentAsync(context, migrations, firstProof, migrations.Count, cancellationToken);
        }

        // Two scratch databases prove the two halves of the history at once (the second replays the first half's
        // ups without proofs to get there): the proofs are the expensive part, and a build machine has the cores.
        var first = context.Fork();
        var second = context.Fork();
        var outcomes = await Task.WhenAll(
            Task.Run(() => RunSegmentAsync(first, migrations, firstProof, k, cancellationToken), cancellationToken),
            Task.Run(() => RunSegmentAsync(second, migrations, k, migrations.Count, cancellationToken), cancellationToken));
        context.Absorb(first);
        if (outcomes[0].FailedMigration is not null)
        {
            return outcomes[0]; // the second half replayed the same failing up: its findings say nothing new
        }

        context.Absorb(second);
        return outcomes[1] with
        {
            ProofsAttempted = outcomes[0].ProofsAttempted + outcomes[1].ProofsAttempted,
            ProofsPassed = outcomes[0].ProofsPassed + outcomes[1].ProofsPassed,
        };
    }

    /// <summary>Where to split the proofs so both halves cost about the same, or null to run one pass. A proof costs
    /// about its statement count times the schema size (which grows with the position); replaying an up without its
    /// proof costs about a third of proving it.</summary>
    internal static int? SplitPoint(IReadOnlyList<Migration> migrations, int firstProof)
    {
        if (Environment.ProcessorCount < 2 || migrations.Count - firstProof < MinimumProofsToSplit)
        {
            return null;
        }

        var weights = migrations.Select((m, i) => (double)Math.Max(1, m.Up.Statements.Count) * (migrations.Count + i)).ToArray();
        var total = weights.Skip(firstProof).Sum();
        double before = 0, replay = weights.Take(firstProof).Sum() / 3;
        for (var k = firstProof; k < migrations.Count; k++)
        {
            before += weights[k];
            replay += weights[k] / 3;
            if (before >= replay + (total - before))
            {
                return k + 1;
            }
        }

        return null;
    }

    /// <summary>Applies ups [0, <paramref name="proofTo"/>) to a new scratch database, proving the downgrades of
    /// [<paramref name="proofFrom"/>, <paramref name="proofTo"/>); reflects the schema when it reached the end.</summary>
    private static async Task<Outcome> RunSegmentAsync(CheckContext context, IReadOnlyList<Migration> migrations, int proofFrom, int proofTo, CancellationToken cancellationToken)
    {
        await using var database = await context.Provider.CreateScratchDatabaseAsync("migrations", cancellationToken);
        var proof = new DowngradeProof(context, database);
        string? fingerprint = null;
        int attempted = 0, passed = 0;

        for (var i = 0; i < proofTo; i++)
        {
            var migration = migrations[i];
            context.Progress($"applying {migration}");
            if (i >= proofFrom && migration.Down is not null)
            {
                fingerprint ??= await database.ReadFingerprintAsync(cancellationToken);
                attempted++;
                var result = await proof.RunAsync(migration, fingerprint, cancellationToken);
                if (result.UpFailed)
                {
                    return new Outcome(null, attempted, passed, migration.ToString());
                }

                passed += result.Proven ? 1 : 0;
                fingerprint = result.FingerprintAfterUp;
                continue;
            }

            if (!await TryApplyAsync(context, database, migration, transactional: !NeedsNoTransaction(context.Provider, migration.Up), cancellationToken))
            {
                return new Outcome(null, attempted, passed, migration.ToString());
            }

            fingerprint = null;
        }

        if (proofTo < migrations.Count)
        {
            return new Outcome(null, attempted, passed, null);
        }

        var schema = context.Provider.Normalize(await database.ReadSchemaAsync(cancellationToken));
        return new Outcome(schema, attempted, passed, null);
    }

    /// <summary>Applies an up (in its own transaction when <paramref name="transactional"/>, else in whatever is open);
    /// reports MIG2001 at the failing statement, rolls back an open transaction and returns false when it fails.</summary>
    internal static async Task<bool> TryApplyAsync(CheckContext context, IScratchDatabase database, Migration migration, bool transactional, CancellationToken cancellationToken)
    {
        try
        {
            if (transactional)
            {
                await database.BeginTransactionAsync(cancellationToken);
            }

            await database.ExecuteAsync(migration.Up, cancellationToken);
            if (transactional)
            {
                await database.CommitAsync(cancellationToken);
            }

            return true;
        }
        catch (StatementFailedException failure)
        {
            if (database.InTransaction)
            {
                await database.RollbackAsync(cancellationToken);
            }

            context.Upgrade.Add(new Diagnostic(
                DiagnosticCodes.UpStatementFailed,
                $"Migration {migration} failed: {failure.Message}",
                failure.Location));
            return false;
        }
    }

    internal static bool NeedsNoTransaction(IDatabaseProvider provider, SqlScript script) =>
        script.NoTransaction || script.Statements.Any(provider.RequiresNoTransaction);
}
