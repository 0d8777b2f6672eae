using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>The SQLite engine: private in-memory scratch databases, reflection through pragmas plus the stored
/// CREATE texts, and SQLite's equivalence rules.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public SqliteProvider()
    {
        SqliteLibrarySettings.Apply();
    }

    public string DisplayName => "SQLite";

    public SqlDialect Dialect => SqliteSyntax.Dialect;

    public CapabilityProfile Capabilities => SqliteCapabilities.Profile;

    public Task<IScratchDatabase> CreateScratchDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IScratchDatabase>(new SqliteScratchDatabase(foreignKeys: ForeignKeys));
    }

    /// <summary>Whether the scratch databases enforce foreign keys (default true; see
    /// <see cref="Checks.ValidationRequest.SqliteForeignKeys"/>).</summary>
    public bool ForeignKeys { get; set; } = true;

    public DatabaseSchema Normalize(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return SqliteNormalizer.Normalize(schema);
    }

    /// <summary>Separate in-memory databases on separate connections share nothing but the allocator, whose global
    /// lock <see cref="SqliteLibrarySettings"/> turns off.</summary>
    public bool ScalesWithParallelDatabases => true;

    public bool RequiresNoTransaction(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return SqliteTransactionControl.AnyCommandRequiresNoTransaction(statement.Text);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
