using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Providers;

/// <summary>A database the validator created for itself; disposing it drops it (also after failures).</summary>
public interface IScratchDatabase : IAsyncDisposable
{
    /// <summary>How long one statement of <see cref="ExecuteAsync"/> may run; past it the statement is stopped and
    /// fails with <see cref="StatementFailedException.TimedOut"/>. Null: no limit (also where an engine has none).</summary>
    TimeSpan? StatementTimeout
    {
        get => null;
        set { }
    }

    /// <summary>Runs the statements of a script in order, inside the current transaction if one is open.</summary>
    /// <exception cref="StatementFailedException">A statement failed; carries its location and the engine's message.</exception>
    Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken);

    /// <summary>Reflects the whole schema into the provider-neutral model.</summary>
    Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken);

    /// <summary>A cheap, exact text of the stored schema (e.g. SQLite's sqlite_schema rows). Equal fingerprints imply
    /// equal schemas; different fingerprints need <see cref="ReadSchemaAsync"/> to tell.</summary>
    Task<string> ReadFingerprintAsync(CancellationToken cancellationToken);

    /// <summary>Reflects at least every object whose stored definition differs between two fingerprints of this
    /// database, and what belongs to those objects. Reading both states with the same two fingerprints gives two
    /// schemas whose comparison equals that of full reads, at a fraction of the cost; the default reads everything.</summary>
    Task<DatabaseSchema> ReadChangedSchemaAsync(string fingerprint, string otherFingerprint, CancellationToken cancellationToken) =>
        ReadSchemaAsync(cancellationToken);

    /// <summary>Says, before the first fingerprint read and outside any transaction, how many migrations this
    /// database will replay: an engine may read fingerprints one way for short histories and another for long ones
    /// (fingerprints are only ever compared within one database). The default does nothing.</summary>
    Task ExpectMigrationsAsync(int count, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the setup script (the runners' environment, <c>MigrationsSetupScript</c>) before anything else,
    /// each statement on its own, as the engine's own role where that is another than the scripts' (PostgreSQL's
    /// superuser on a cluster of the engine's own); the default runs it on the scripts' connection, confined as
    /// they are.</summary>
    /// <exception cref="StatementFailedException">A statement failed.</exception>
    Task ExecuteSetupAsync(SqlScript script, CancellationToken cancellationToken) => ExecuteAsync(script, cancellationToken);

    /// <summary>True where <see cref="CopyToAsync"/> copies this database at the cost of a memory copy (SQLite's backup
    /// API); false (the default) where copying would cost about as much as creating a database.</summary>
    bool CopiesCheaply => false;

    /// <summary>Makes <paramref name="target"/> (another scratch database of this engine, outside any transaction) an
    /// exact copy of this one, schema and rows, with the same fingerprints; false, changing nothing, where the engine
    /// does not copy (the default).</summary>
    Task<bool> CopyToAsync(IScratchDatabase target, CancellationToken cancellationToken) => Task.FromResult(false);

    Task BeginTransactionAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    Task SavepointAsync(string name, CancellationToken cancellationToken);

    Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken);

    /// <summary>True while a transaction started by <see cref="BeginTransactionAsync"/> is open.</summary>
    bool InTransaction { get; }
}
