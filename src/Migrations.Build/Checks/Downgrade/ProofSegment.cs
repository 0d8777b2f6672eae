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
/// its down, which is what catches a down that forgot the data). Where rolling back to a savepoint costs next to
/// nothing (<see cref="ProofCost.CheapRollbackToSavepoint"/>, PostgreSQL) and every script takes the engine's
/// transaction, every migration goes that way: the proof costs what the sweep does, and a defect only its reflection.
/// When the sweep meets a down that fails or restores another schema, every finding must still be the one
/// <see cref="DowngradeProof"/> reports, at its file and line. Where the engine copies databases cheaply
/// (<see cref="StateCheckpoints"/>, SQLite's backup API) the forward pass keeps a copy every few states: the
/// migration is proven on a copy in the state before its up, and the sweep goes on below it from another, so ten
/// defects cost ten proofs and a few ups each. Elsewhere the sweep stops there, and the migrations it had not reached
/// are proven one by one on a new scratch database.
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
        await using var checkpoints = new StateCheckpoints(context, migrations, sweepFrom, to);
        var forward = await ForwardAsync(slot, oneByOne, sweepFrom, to, checkpoints, cancellationToken);
        var schema = forward.FailedMigration is null && readSchema
            ? context.Provider.Normalize(await slot.Database.ReadSchemaAsync(cancellationToken))
            : null;

        var proofs = new SortedList<int, CheckContext>();
        var (attempted, passed, stoppedAt) = await SweepAsync(slot.Database, forward, oneByOne, sweepFrom, checkpoints, proofs, cancellationToken);
        attempted += forward.Attempted;
        passed += forward.Passed;
        if (stoppedAt is { } stop)
        {
            var unproven = Enumerable.Range(sweepFrom, stop - sweepFrom + 1)
                .Where(i => migrations[i].Down is not null && !oneByOne.Contains(i))
                .ToHashSet();
            if (unproven.Count > 0)
            {
                await using var exact = new ScratchSlot(context);
                await (await exact.CreateAsync(cancellationToken)).ExpectMigrationsAsync(stop + 1, cancellationToken);
                var redo = await ForwardAsync(exact, unproven, sweepFrom: stop + 1, stop + 1, checkpoints: null, cancellationToken);
                attempted += redo.Attempted;
                passed += redo.Passed;
            }
        }

        // The defects the sweep went past were proven above the migrations proven again from the bottom.
        foreach (var proof in proofs.Values)
        {
            context.Absorb(proof);
        }

        return new ReplayOutcome(schema, attempted, passed, forward.FailedMigration);
    }

    /// <summary>Sweeps the downs of [<paramref name="sweepFrom"/>, reached) from the state the forward pass reached.
    /// Where the engine copies databases cheaply, a down that fails or restores another schema does not end the sweep:
    /// that migration is proven on its own (<see cref="DowngradeProof"/>, on a copy in the state before its up), and
    /// the sweep goes on below it from another copy in that state. Returns the proofs attempted and passed, and the
    /// migration the sweep stopped at when it could not go on: it and those below it are still to be proven.</summary>
    /// <param name="proofs">Receives the findings of each defect gone past, by migration, to be absorbed in order.</param>
    private async Task<(int Attempted, int Passed, int? StoppedAt)> SweepAsync(IScratchDatabase database, Forward forward, IReadOnlySet<int> oneByOne, int sweepFrom, StateCheckpoints checkpoints, SortedList<int, CheckContext> proofs, CancellationToken cancellationToken)
    {
        int attempted = 0, passed = 0, sweepTo = forward.Reached;
        var startUnsure = forward.FailedMigration is not null;
        IScratchDatabase? copy = null;
        try
        {
            if (startUnsure && sweepTo > sweepFrom && checkpoints.Available && await checkpoints.RestoreAsync(sweepTo, cancellationToken) is { } clean)
            {
                // The failing up may have left part of itself behind; a copy from before it has nothing of it.
                (database, copy, startUnsure) = (clean, clean, false);
            }

            while (true)
            {
                var sweep = new DowngradeSweep(context, database, migrations, forward.Digests);
                var (swept, stoppedAt) = await sweep.RunAsync(sweepFrom, sweepTo, oneByOne, startUnsure, cancellationToken);
                attempted += swept;
                passed += swept;
                if (stoppedAt is not { } stop || !checkpoints.Available || startUnsure)
                {
                    return (attempted, passed, stoppedAt);
                }

                if (await checkpoints.RestoreAsync(stop, cancellationToken) is not { } before)
                {
                    return (attempted, passed, stoppedAt);
                }

                if (copy is not null)
                {
                    await copy.DisposeAsync();
                }

                (database, copy, sweepTo) = (before, before, stop);
                if (!oneByOne.Contains(stop))
                {
                    // Proven on its own copy, so that the state before its up stays here for the sweep below it.
                    var proof = context.Fork();
                    await using var alone = await checkpoints.CopyAsync(before, cancellationToken);
                    if (alone is null)
                    {
                        return (attempted, passed, stop);
                    }

                    attempted++;
                    var result = await new DowngradeProof(proof, alone).RunAsync(migrations[stop], await alone.ReadFingerprintAsync(cancellationToken), cancellationToken);
                    passed += result.Proven ? 1 : 0;
                    proofs.Add(stop, proof);
                }
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    /// <summary>The first migration of the sweep: the lowest index from which every migration up to <c>to</c> has a
    /// down; <c>to</c> (no sweep) where each migration is proven on its own as cheaply.</summary>
    private int SweepStart()
    {
        if (context.Provider.ProofCost.CheapRollbackToSavepoint && Enumerable.Range(from, to - from).All(InTransactions))
        {
            return to; // each proven on its own, in the engine's transaction
        }

        var start = to;
        while (start > from && migrations[start - 1].Down is not null)
        {
            start--;
        }

        return start;
    }

    private bool InTransactions(int i) => migrations[i].Down is not { } down
        || (!ScriptRunner.NeedsNoTransaction(context.Provider, migrations[i].Up) && !ScriptRunner.NeedsNoTransaction(context.Provider, down));

    private sealed record Forward(int Reached, string? FailedMigration, int Attempted, int Passed, string?[] Digests);

    /// <summary>Applies ups from the first until <paramref name="until"/> (or the first that fails), proving the
    /// downgrades of <paramref name="oneByOne"/> on the way; records the fingerprint digests of the states
    /// [<paramref name="sweepFrom"/>, reached]. One defect never ends the pass: when a proof leaves the database
    /// between states, the pass goes on from the same state on a new scratch database.</summary>
    private async Task<Forward> ForwardAsync(ScratchSlot slot, IReadOnlySet<int> oneByOne, int sweepFrom, int until, StateCheckpoints? checkpoints, CancellationToken cancellationToken)
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
            await (checkpoints?.KeepAsync(database, 0, cancellationToken) ?? Task.CompletedTask);
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
                await (checkpoints?.KeepAsync(database, i + 1, cancellationToken) ?? Task.CompletedTask);
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
