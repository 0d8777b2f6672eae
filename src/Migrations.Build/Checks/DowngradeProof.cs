using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks;

/// <summary>Proves one migration's downgrade: schema(after up, down) == schema(before up), names included, and the
/// up applies again to give the same schema.</summary>
/// <remarks>
/// Cost matters (this runs on every build), so the proof executes no more DDL than it needs:
/// 1. Inside one transaction: savepoint, up, savepoint, down; compare cheap fingerprints of the stored schema.
/// 2. Equal fingerprints prove the schemas equal. Then, for an up that changes no data, rolling back to the savepoint
///    undoes the down: re-running the up from an identical schema proves nothing more. An up that changes data is
///    re-run for real, because that is what catches a down that forgot the data (a seed row left behind).
/// 3. Different fingerprints (rare) fall back to full reflection of both states and a strict comparison.
/// Migrations that cannot run in a transaction (e.g. CREATE INDEX CONCURRENTLY) take the plain up, down, up path.
/// </remarks>
internal sealed class DowngradeProof(CheckContext context, IScratchDatabase database)
{
    private const string BeforeUp = "migrations_build_before_up";
    private const string AfterUp = "migrations_build_after_up";

    public sealed record Result(bool UpFailed, bool Proven, string? FingerprintAfterUp);

    public Task<Result> RunAsync(Migration migration, string fingerprintBefore, CancellationToken cancellationToken)
    {
        var transactional = !UpgradeCheck.NeedsNoTransaction(context.Provider, migration.Up)
            && !UpgradeCheck.NeedsNoTransaction(context.Provider, migration.Down!);
        return transactional
            ? RunInTransactionAsync(migration, fingerprintBefore, cancellationToken)
            : RunWithoutTransactionAsync(migration, cancellationToken);
    }

    private async Task<Result> RunInTransactionAsync(Migration migration, string fingerprintBefore, CancellationToken ct)
    {
        var down = migration.Down!;
        await database.BeginTransactionAsync(ct);
        await database.SavepointAsync(BeforeUp, ct);
        if (!await UpgradeCheck.TryApplyAsync(context, database, migration, transactional: false, ct))
        {
            return new Result(true, false, null);
        }

        var fingerprintAfterUp = await database.ReadFingerprintAsync(ct);
        await database.SavepointAsync(AfterUp, ct);
        if (!await TryExecuteDownAsync(migration, ct))
        {
            await database.RollbackToSavepointAsync(AfterUp, ct);
            await database.CommitAsync(ct);
            return new Result(false, false, fingerprintAfterUp);
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

    private async Task<Result> RunWithoutTransactionAsync(Migration migration, CancellationToken ct)
    {
        var before = await ReadAsync(ct);
        if (!await UpgradeCheck.TryApplyAsync(context, database, migration, transactional: false, ct))
        {
            return new Result(true, false, null);
        }

        var afterUp = await ReadAsync(ct);
        if (!await TryExecuteDownAsync(migration, ct))
        {
            // The database is somewhere between the up and the down: the later migrations cannot be trusted on it.
            return new Result(true, false, null);
        }

        var afterDown = await ReadAsync(ct);
        var proven = Report(migration, SchemaComparer.Compare(before, afterDown, Exact()), DifferenceMessages.Downgrade);
        if (!proven && SchemaComparer.Compare(afterUp, afterDown, Exact()).Count == 0)
        {
            // The down changed nothing: the database is still in the state after the up, so the later migrations can
            // go on, and running the up again would only fail on what the report above already names.
            return new Result(false, false, await database.ReadFingerprintAsync(ct));
        }

        try
        {
            await database.ExecuteAsync(migration.Up, ct);
        }
        catch (StatementFailedException failure)
        {
            ReportReapplyFailed(migration, failure);
            return new Result(true, false, null);
        }

        proven &= Report(migration, SchemaComparer.Compare(afterUp, await ReadAsync(ct), Exact()), DifferenceMessages.Reapply);
        return new Result(false, proven, await database.ReadFingerprintAsync(ct));
    }

    private void ReportReapplyFailed(Migration migration, StatementFailedException failure) =>
        context.Downgrade.Add(new Diagnostic(
            DiagnosticCodes.ReapplyFailed,
            $"Migration {migration} fails to apply again after its down: {failure.Message}. The down does not undo everything the up did (data included).",
            failure.Location));

    private async Task<bool> TryExecuteDownAsync(Migration migration, CancellationToken ct)
    {
        try
        {
            await database.ExecuteAsync(migration.Down!, ct);
            return true;
        }
        catch (StatementFailedException failure)
        {
            context.Downgrade.Add(new Diagnostic(DiagnosticCodes.DownStatementFailed, $"The down of {migration} failed: {failure.Message}", failure.Location));
            return false;
        }
    }

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

        return differences.Count == 0;
    }
}
