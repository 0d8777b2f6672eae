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

    public static async Task<Outcome> RunAsync(CheckContext context, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var database = await context.Provider.CreateScratchDatabaseAsync("migrations", cancellationToken);
        var scope = context.Request.Downgrade;
        var firstProof = !scope.Enabled ? int.MaxValue : scope.LastCount is { } n ? Math.Max(0, migrations.Count - n) : 0;
        var proof = new DowngradeProof(context, database);
        string? fingerprint = null;
        int attempted = 0, passed = 0;

        for (var i = 0; i < migrations.Count; i++)
        {
            var migration = migrations[i];
            context.Progress($"applying {migration}");
            if (i >= firstProof && migration.Down is not null)
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

            if (!await TryApplyAsync(context, database, migration.Up, transactional: !NeedsNoTransaction(context.Provider, migration.Up), migration, cancellationToken))
            {
                return new Outcome(null, attempted, passed, migration.ToString());
            }

            fingerprint = null;
        }

        var schema = context.Provider.Normalize(await database.ReadSchemaAsync(cancellationToken));
        return new Outcome(schema, attempted, passed, null);
    }

    /// <summary>Applies an up; reports MIG2001 at the failing statement and returns false when it fails.</summary>
    internal static async Task<bool> TryApplyAsync(CheckContext context, IScratchDatabase database, SqlScript up, bool transactional, Migration migration, CancellationToken cancellationToken)
    {
        try
        {
            if (transactional)
            {
                await database.BeginTransactionAsync(cancellationToken);
            }

            await database.ExecuteAsync(up, cancellationToken);
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
