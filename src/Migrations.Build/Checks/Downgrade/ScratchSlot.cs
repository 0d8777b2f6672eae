using Migrations.Build.Providers;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>The scratch database a pass of the replay works on. A pass may replace it (a proof outside a transaction
/// can leave it between states); disposing the slot drops whichever database it holds, also after a failure.</summary>
internal sealed class ScratchSlot(CheckContext context) : IAsyncDisposable
{
    private IScratchDatabase? _database;

    public IScratchDatabase Database => _database ?? throw new InvalidOperationException("The slot holds no scratch database.");

    /// <summary>Drops the database held (if any) and creates a new, empty one for the migrations.</summary>
    public async Task<IScratchDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync();
        _database = await context.CreateScratchDatabaseAsync(ScratchPurpose.Migrations, cancellationToken);
        return _database;
    }

    public async ValueTask DisposeAsync()
    {
        var database = _database;
        _database = null;
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
