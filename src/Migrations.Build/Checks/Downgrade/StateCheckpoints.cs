using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Copies of the states a forward pass went through, one every few migrations, so that the state before any
/// up can be had again from the nearest copy below it and a few ups rather than from the whole history (see
/// <see cref="ProofSegment"/>). Only where the engine copies a database cheaply
/// (<see cref="IScratchDatabase.CopyToAsync"/>); elsewhere it holds nothing.</summary>
/// <param name="first">The lowest state kept (the sweep's first migration): <c>state</c> i is the schema before the up
/// of migration i.</param>
internal sealed class StateCheckpoints(CheckContext context, IReadOnlyList<Migration> migrations, int first, int last) : IAsyncDisposable
{
    /// <summary>At most this many copies: each holds a whole database in memory.</summary>
    private const int MaximumCopies = 24;

    private readonly SortedList<int, IScratchDatabase> _copies = [];
    private readonly int _spacing = Math.Max(1, (last - first + MaximumCopies - 1) / MaximumCopies);
    private bool _unsupported;

    /// <summary>True when a state in [first, last] can be restored.</summary>
    public bool Available => !_unsupported && _copies.ContainsKey(first);

    /// <summary>Keeps a copy of <paramref name="database"/>, which is in <paramref name="state"/>, when that state is one
    /// of those kept.</summary>
    public async Task KeepAsync(IScratchDatabase database, int state, CancellationToken cancellationToken)
    {
        if (!database.CopiesCheaply)
        {
            _unsupported = true;
        }

        if (_unsupported || state < first || state > last || (state - first) % _spacing != 0 || _copies.ContainsKey(state))
        {
            return;
        }

        if (await CopyAsync(database, cancellationToken) is { } copy)
        {
            _copies[state] = copy;
        }
        else
        {
            _unsupported = true;
        }
    }

    /// <summary>A new scratch database in <paramref name="state"/>: a copy of the nearest state kept below it, brought
    /// forward by the ups in between (run as the runners run them, reporting nothing: they applied before). Null when
    /// one of them fails this time; the caller owns the database.</summary>
    public async Task<IScratchDatabase?> RestoreAsync(int state, CancellationToken cancellationToken)
    {
        var nearest = _copies.Keys.Last(k => k <= state);
        if (await CopyAsync(_copies[nearest], cancellationToken) is not { } database)
        {
            return null;
        }

        for (var k = nearest; k < state; k++)
        {
            if (await ScriptRunner.TryRunAsync(context.Provider, database, migrations[k].Up, cancellationToken) is not null)
            {
                await database.DisposeAsync();
                return null;
            }
        }

        return database;
    }

    /// <summary>A new scratch database, a copy of <paramref name="database"/>; null when the copy fails.</summary>
    public async Task<IScratchDatabase?> CopyAsync(IScratchDatabase database, CancellationToken cancellationToken)
    {
        var copy = await context.CreateScratchDatabaseAsync(ScratchPurpose.Migrations, cancellationToken);
        try
        {
            if (await database.CopyToAsync(copy, cancellationToken))
            {
                return copy;
            }
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }

        await copy.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var copy in _copies.Values)
        {
            await copy.DisposeAsync();
        }

        _copies.Clear();
    }
}
