using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Interrupts the statement running on a connection once it has run for <see cref="Limit"/> (the statement
/// timeout): sqlite3_interrupt is safe from another thread and makes the running statement fail at its next step,
/// also inside an endless recursive CTE.</summary>
internal sealed class StatementTimer : IDisposable
{
    private readonly Timer _timer;
    private int _fired;

    public StatementTimer(sqlite3 db, TimeSpan limit)
    {
        Limit = limit;
        _timer = new Timer(_ =>
        {
            Interlocked.Exchange(ref _fired, 1);
            raw.sqlite3_interrupt(db);
        }, null, limit, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Limit { get; }

    /// <summary>True when the limit passed and the statement was interrupted.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    public void Dispose()
    {
        // Waits for a callback in flight, so that a late interrupt cannot hit the next statement.
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done))
        {
            done.WaitOne();
        }
    }
}
