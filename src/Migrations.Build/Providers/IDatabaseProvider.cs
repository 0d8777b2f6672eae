using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Providers;

/// <summary>An engine the checks run on: a factory of scratch databases plus the engine's rules for comparing schemas.</summary>
/// <remarks>Disposing the provider releases what it started (e.g. a temporary PostgreSQL cluster).</remarks>
public interface IDatabaseProvider : IAsyncDisposable
{
    /// <summary>The engine's display name: <c>SQLite</c>, <c>PostgreSQL</c>.</summary>
    string DisplayName { get; }

    /// <summary>How this engine reads a script: the options of the one statement scanner (quotes, comments, bodies).</summary>
    SqlDialect Dialect { get; }

    /// <summary>What this engine cannot reflect reliably (reported as not verifiable, never guessed).</summary>
    CapabilityProfile Capabilities { get; }

    /// <summary>Creates a new, empty, uniquely named scratch database that is dropped when disposed.</summary>
    /// <param name="purpose">A short word for logs and names (<c>migrations</c>, <c>model</c>).</param>
    Task<IScratchDatabase> CreateScratchDatabaseAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>Applies the engine's own equivalence rules (type aliases, default spellings) before comparing.</summary>
    DatabaseSchema Normalize(DatabaseSchema schema);

    /// <summary>True when this statement cannot run inside a transaction on this engine
    /// (e.g. PostgreSQL's <c>CREATE INDEX CONCURRENTLY</c>, SQLite's <c>VACUUM</c>) or controls transactions itself.</summary>
    bool RequiresNoTransaction(SqlStatement statement);

    /// <summary>True when two scratch databases can do work at the same time without slowing each other down: a
    /// server runs them in separate processes; SQLite does once its allocator's statistics lock is off (with it on,
    /// two threads measured slower than one).</summary>
    bool ScalesWithParallelDatabases => false;

    /// <summary>What a downgrade proof costs here, for splitting the proofs between two scratch databases.</summary>
    ProofCost ProofCost => ProofCost.Default;

    /// <summary>The statement timeout of the scratch databases created from now on, where the engine sets it when it
    /// connects (PostgreSQL's statement_timeout); others take <see cref="IScratchDatabase.StatementTimeout"/>.</summary>
    TimeSpan? StatementTimeout
    {
        get => null;
        set { }
    }

    /// <summary>What an exception that ended the checks means when it is the server's fault rather than a bug (e.g. a
    /// lost connection, MIG0011); null when this engine does not recognize it.</summary>
    Task<Diagnostic?> DescribeFaultAsync(Exception exception) => Task.FromResult<Diagnostic?>(null);

    /// <summary>What could not be cleaned up (a scratch database that could not be dropped, MIG0013), complete once
    /// the provider is disposed: never passed over in silence.</summary>
    IReadOnlyList<Diagnostic> LeftBehind => [];
}
