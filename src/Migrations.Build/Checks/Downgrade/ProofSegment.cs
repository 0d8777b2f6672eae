using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>One scratch database's share of the upgrade pass: applies the ups [0, <c>to</c>) and proves the downgrades
/// of the migrations in [<c>from</c>, <c>to</c>) that have a down.</summary>
/// <remarks>
/// Proving each migration on its own (<see cref="DowngradeProof"/>: savepoint, up, down, roll the down back) makes
/// the engine undo every down once more, and on SQLite that costs a reparse of the whole schema each time. So the
/// common case goes the way a release is rolled back instead:
/// 1. Forward, each up in its own transaction, keeping a digest of the schema fingerprint after each up.
/// 2. Backward (<see cref="DowngradeSweep"/>), each down in its own transaction: the fingerprint after the down of
///    migration i must equal the one recorded before its up. The database is then exactly (schema and names) where
///    the up of i started from, so the down of i - 1 runs on the schema its up left; an up applied again to the same
///    schema gives the same schema, which is the "up again" half of the proof.
/// Every up and every down runs once, as in a real rollback of the whole history.
/// What this cannot prove goes through <see cref="DowngradeProof"/> on the way forward: migrations below the last
/// one without a down (the sweep cannot pass it), and ups that change data (their proof re-runs the up right after
/// its down, which is what catches a down that forgot the data). When the sweep meets a down that fails or restores
/// another schema, it stops there and the migrations it had not reached are proven one by one on a new scratch
/// database, so every finding is the one <see cref="DowngradeProof"/> reports, at its file and line.
/// </remarks>
internal sealed class ProofSegment(CheckContext context, IReadOnlyList<Migration> migrations, int from, int to, bool readSchema)
{
    private readonly TaskCompletionSource _databaseCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the segment has its scratch database (or failed to create it).</summary>
    public Task DatabaseCreated => _databaseCreated.Task;

    public async Task<ReplayOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var sweepFrom = SweepStart();
        var oneByOne = Enumerable.Range(from, to - from)
            .Where(i => migrations[i].Down is not null && (i < sweepFrom || migrations[i].Up.ChangesData))
            .ToHashSet();

        await using var slot = new ScratchSlot(context);
        try
        {
            await slot.CreateAsync(cancellationToken);
        }
        finally
        {
            _databaseCreated.TrySetResult();
        }

        await slot.Database.ExpectMigrationsAsync(to, cancellationToken);
        var forward = await ForwardAsync(slot, oneByOne, sweepFrom, to, cancellationToken);
        var schema = forward.FailedMigration is null && readSchema
            ? context.Provider.Normalize(await slot.Database.ReadSchemaAsync(cancellationToken))
            : null;

        var sweep = new DowngradeSweep(context, slot.Database, migrations, forward.Digests);
        var (sweptProofs, stoppedAt) = await sweep.RunAsync(sweepFrom, forward.Reached, oneByOne, startUnsure: forward.FailedMigration is not null, cancellationToken);
        var attempted = forward.Attempted + sweptProofs;
        var passed = forward.Passed + sweptProofs;
        if (stoppedAt is { } stop)
        {
            var unproven = Enumerable.Range(sweepFrom, stop - sweepFrom + 1)
                .Where(i => migrations[i].Down is not null && !oneByOne.Contains(i))
                .ToHashSet();
            if (unproven.Count > 0)
            {
                await using var exact = new ScratchSlot(context);
                await (await exact.CreateAsync(cancellationToken)).ExpectMigrationsAsync(stop + 1, cancellationToken);
                var redo = await ForwardAsync(exact, unproven, sweepFrom: stop + 1, stop + 1, cancellationToken);
                attempted += redo.Attempted;
                passed += redo.Passed;
            }
        }

        return new ReplayOutcome(schema, attempted, passed, forward.FailedMigration);
    }

    /// <summary>The first migration of the sweep: the lowest index from which every migration up to <c>to</c> has a
    /// down.</summary>
    private int SweepStart()
    {
        var start = to;
        while (start > from && migrations[start - 1].Down is not null)
        {
            start--;
        }

        return start;
    }

    private sealed record Forward(int Reached, string? FailedMigration, int Attempted, int Passed, string?[] Digests);

    /// <summary>Applies ups from the first until <paramref name="until"/> (or the first that fails), proving the
    /// downgrades of <paramref name="oneByOne"/> on the way; records the fingerprint digests of the states
    /// [<paramref name="sweepFrom"/>, reached]. One defect never ends the pass: when a proof leaves the database
    /// between states, the pass goes on from the same state on a new scratch database.</summary>
    private async Task<Forward> ForwardAsync(ScratchSlot slot, IReadOnlySet<int> oneByOne, int sweepFrom, int until, CancellationToken cancellationToken)
    {
        var database = slot.Database;
        var proof = new DowngradeProof(context, database);
        var digests = new string?[until + 1];
        string? fingerprint = null;
        int attempted = 0, passed = 0;
        var sweeping = sweepFrom < until;
        if (sweeping && sweepFrom == 0)
        {
            fingerprint = await database.ReadFingerprintAsync(cancellationToken);
            digests[0] = FingerprintDigest.Of(fingerprint);
        }

        for (var i = 0; i < until; i++)
        {
            var migration = migrations[i];
            context.Progress($"migration {i + 1}/{migrations.Count}: applying {migration}");
            if (oneByOne.Contains(i))
            {
                fingerprint ??= await database.ReadFingerprintAsync(cancellationToken);
                attempted++;
                var result = await proof.RunAsync(migration, fingerprint, cancellationToken);
                if (result.UpFailed)
                {
                    return new Forward(i, migration.ToString(), attempted, passed, digests);
                }

                passed += result.Proven ? 1 : 0;
                fingerprint = result.FingerprintAfterUp;
                if (result.DatabaseLost)
                {
                    database = await slot.CreateAsync(cancellationToken);
                    if (await ReplayAsync(database, through: i, sweepFrom, until, digests, cancellationToken) is { } failedAt)
                    {
                        return new Forward(failedAt, migrations[failedAt].ToString(), attempted, passed, digests);
                    }

                    proof = new DowngradeProof(context, database);
                    fingerprint = null;
                }
            }
            else if (await ScriptRunner.TryApplyAsync(context, database, migration, cancellationToken))
            {
                fingerprint = null;
            }
            else
            {
                return new Forward(i, migration.ToString(), attempted, passed, digests);
            }

            if (sweeping && i + 1 >= sweepFrom)
            {
                fingerprint ??= await database.ReadFingerprintAsync(cancellationToken);
                digests[i + 1] = FingerprintDigest.Of(fingerprint);
            }
        }

        return new Forward(until, null, attempted, passed, digests);
    }

    /// <summary>Brings a new database (replacing one a proof left between states) to the state after the up of
    /// <paramref name="through"/>, recording the digests of the states in the sweep's range again (fingerprints are
    /// only compared within one database). Returns the migration whose up failed this time, if any.</summary>
    private async Task<int?> ReplayAsync(IScratchDatabase database, int through, int sweepFrom, int until, string?[] digests, CancellationToken cancellationToken)
    {
        await database.ExpectMigrationsAsync(until, cancellationToken);
        var sweeping = sweepFrom < until;
        for (var k = 0; k <= through; k++)
        {
            if (sweeping && k >= sweepFrom)
            {
                digests[k] = FingerprintDigest.Of(await database.ReadFingerprintAsync(cancellationToken));
            }

            var migration = migrations[k];
            if (!await ScriptRunner.TryApplyAsync(context, database, migration, cancellationToken))
            {
                return k;
            }
        }

        return null;
    }
}
