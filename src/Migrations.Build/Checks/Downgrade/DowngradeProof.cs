using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Proves one migration's downgrade: schema(after up, down) == schema(before up), names included, and the
/// up applies again to give the same schema.</summary>
/// <remarks>
/// Cost matters (this runs on every build), so the proof executes no more DDL than it needs:
/// 1. Inside one transaction: savepoint, up, savepoint, down; compare cheap fingerprints of the stored schema.
/// 2. Equal fingerprints prove the schemas equal. Then, for an up that changes no data, rolling back to the savepoint
///    undoes the down: re-running the up from an identical schema proves nothing more. An up that changes data is
///    re-run for real, because that is what catches a down that forgot the data (a seed row left behind).
/// 3. Different fingerprints (rare) fall back to full reflection of both states and a strict comparison.
/// 4. A down that fails inside that transaction is proven again the runners' way (up, down, up, each in a transaction
///    of its own), so it is reported only when it fails there too.
/// Migrations that cannot run in a transaction (e.g. CREATE INDEX CONCURRENTLY) take the plain up, down, up path.
/// </remarks>
internal sealed class DowngradeProof(CheckContext context, IScratchDatabase database)
{
    private const string BeforeUp = "migrations_build_before_up";
    private const string AfterUp = "migrations_build_after_up";

    /// <param name="UpFailed">The up itself failed: the history cannot go on past it.</param>
    /// <param name="DatabaseLost">A down or an up applied again failed outside a transaction: the up applied, but the
    /// database is now somewhere between states, so the later migrations need another scratch database.</param>
    public sealed record Result(bool UpFailed, bool Proven, string? FingerprintAfterUp, bool DatabaseLost = false);

    public Task<Result> RunAsync(Migration migration, string fingerprintBefore, CancellationToken cancellationToken)
    {
        var transactional = !ScriptRunner.NeedsNoTransaction(context.Provider, migration.Up)
            && !ScriptRunner.NeedsNoTransaction(context.Provider, migration.Down!);
        return transactional
            ? RunInTransactionAsync(migration, fingerprintBefore, cancellationToken)
            : RunScriptByScriptAsync(migration, ownTransactions: false, cancellationToken);
    }

    private async Task<Result> RunInTransactionAsync(Migration migration, string fingerprintBefore, CancellationToken ct)
    {
        var down = migration.Down!;
        await database.BeginTransactionAsync(ct);
        await database.SavepointAsync(BeforeUp, ct);
        if (!await ScriptRunner.TryApplyAsync(context, database, migration, transactional: false, ct))
        {
            return new Result(true, false, null);
        }

        var fingerprintAfterUp = await database.ReadFingerprintAsync(ct);
        await database.SavepointAsync(AfterUp, ct);
        try
        {
            await database.ExecuteAsync(down, ct);
        }
        catch (StatementFailedException)
        {
            // Runners run the down in a transaction of its own, after the up's has committed: a down may depend on
            // that (PostgreSQL refuses a label added by ALTER TYPE ... ADD VALUE in the transaction that added it).
            // Only the runners' way tells a failing down from one that fails here alone.
            await database.RollbackToSavepointAsync(BeforeUp, ct);
            await database.CommitAsync(ct);
            return await RunScriptByScriptAsync(migration, ownTransactions: true, ct);
        }

        var proven = true;
        var fingerprintAfterDown = await database.ReadFingerprintAsync(ct);
        if (fingerprintAfterDown != fingerprintBefore)
        {
            // Same text proves the same schema; other text may still be the same schema (SQLite keeps a column
            // dropped and added again at the end of the stored CREATE text), so the changed objects are reflected.
            var afterDown = await ReadChangedAsync(fingerprintBefore, fingerprintAfterDown, ct);
            await database.RollbackToSavepointAsync(BeforeUp, ct);
            var before = await ReadChangedAsync(fingerprintBefore, fingerprintAfterDown, ct);
            proven = Report(migration, SchemaComparer.Compare(before, afterDown, Exact()), DifferenceMessages.Downgrade);

            // Back to the state after the up; for a data-changing up, on to the state after the down again.
            await database.ExecuteAsync(migration.Up, ct);
            await database.SavepointAsync(AfterUp, ct);
            if (proven && migration.Up.ChangesData)
            {
                await database.ExecuteAsync(down, ct);
            }
            else
            {
                await database.CommitAsync(ct);
                return new Result(false, proven, fingerprintAfterUp);
            }
        }

        if (proven && migration.Up.ChangesData)
        {
            proven = await ReapplyAsync(migration, fingerprintAfterUp, ct);
        }
        else
        {
            await database.RollbackToSavepointAsync(AfterUp, ct);
        }

        await database.CommitAsync(ct);
        return new Result(false, proven, fingerprintAfterUp);
    }

    /// <summary>Runs the up again after its down; leaves the database in the state after an up either way.</summary>
    private async Task<bool> ReapplyAsync(Migration migration, string fingerprintAfterUp, CancellationToken ct)
    {
        try
        {
            await database.ExecuteAsync(migration.Up, ct);
        }
        catch (StatementFailedException failure)
        {
            ReportReapplyFailed(migration, failure);
            await database.RollbackToSavepointAsync(AfterUp, ct);
            return false;
        }

        var fingerprintAgain = await database.ReadFingerprintAsync(ct);
        if (fingerprintAgain == fingerprintAfterUp)
        {
            return true;
        }

        var again = await ReadChangedAsync(fingerprintAfterUp, fingerprintAgain, ct);
        await database.RollbackToSavepointAsync(AfterUp, ct);
        var first = await ReadChangedAsync(fingerprintAfterUp, fingerprintAgain, ct);
        return Report(migration, SchemaComparer.Compare(first, again, Exact()), DifferenceMessages.Reapply);
    }

    /// <summary>The proof the way the runners go: up, down and up again, each its own script, each in a transaction of
    /// its own when <paramref name="ownTransactions"/> (else as the scripts manage it), compared by full reads.</summary>
    private async Task<Result> RunScriptByScriptAsync(Migration migration, bool ownTransactions, CancellationToken ct)
    {
        var before = await ReadAsync(ct);
        if (!await ScriptRunner.TryApplyAsync(context, database, migration, transactional: ownTransactions, ct))
        {
            return new Result(true, false, null);
        }

        var afterUp = await ReadAsync(ct);
        if (await ScriptRunner.TryRunAsync(database, migration.Down!, ownTransactions, ct) is { } downFailed)
        {
            context.Downgrade.Add(new Diagnostic(ScriptRunner.CodeFor(downFailed, DiagnosticCodes.DownStatementFailed), DownFailureMessage.For(migration, downFailed), downFailed.Location));

            // In its own transaction the failed down was rolled back, to the state after the up; without one the
            // database is somewhere between the up and the down, and the later migrations need another one.
            return ownTransactions
                ? new Result(false, false, await database.ReadFingerprintAsync(ct))
                : new Result(false, false, null, DatabaseLost: true);
        }

        var afterDown = await ReadAsync(ct);
        var proven = Report(migration, SchemaComparer.Compare(before, afterDown, Exact()), DifferenceMessages.Downgrade);
        if (!proven && SchemaComparer.Compare(afterUp, afterDown, Exact()).Count == 0)
        {
            // The down changed nothing: the database is still in the state after the up, so the later migrations can
            // go on, and running the up again would only fail on what the report above already names.
            return new Result(false, false, await database.ReadFingerprintAsync(ct));
        }

        if (await ScriptRunner.TryRunAsync(database, migration.Up, ownTransactions, ct) is { } reapplyFailed)
        {
            ReportReapplyFailed(migration, reapplyFailed);
            return new Result(false, false, null, DatabaseLost: true);
        }

        proven &= Report(migration, SchemaComparer.Compare(afterUp, await ReadAsync(ct), Exact()), DifferenceMessages.Reapply);
        return new Result(false, proven, await database.ReadFingerprintAsync(ct));
    }

    private void ReportReapplyFailed(Migration migration, StatementFailedException failure) =>
        context.Downgrade.Add(new Diagnostic(
            ScriptRunner.CodeFor(failure, DiagnosticCodes.ReapplyFailed),
            $"Migration {migration} fails to apply again after its down: {failure.Message}. The down does not undo everything the up did (data included).",
            failure.Location));

    private async Task<DatabaseSchema> ReadAsync(CancellationToken ct) =>
        context.Provider.Normalize(await database.ReadSchemaAsync(ct));

    private async Task<DatabaseSchema> ReadChangedAsync(string fingerprint, string otherFingerprint, CancellationToken ct) =>
        context.Provider.Normalize(await database.ReadChangedSchemaAsync(fingerprint, otherFingerprint, ct));

    private ComparisonOptions Exact() => ComparisonOptions.Exact with { Ignore = context.Request.Ignore };

    private bool Report(Migration migration, IReadOnlyList<SchemaDifference> differences, Func<Migration, SchemaDifference, Diagnostic> describe)
    {
        foreach (var difference in differences)
        {
            context.Downgrade.Add(describe(migration, difference));
        }

        // Column order alone is a warning: the down still restores every column's definition.
        return differences.All(d => d is ColumnOrderChanged);
    }
}
