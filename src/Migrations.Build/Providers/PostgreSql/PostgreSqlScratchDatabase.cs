using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>A scratch database on a PostgreSQL server, reached through one dedicated connection (no pooling, so
/// nothing keeps it open after dispose); disposing it drops the database.</summary>
public sealed class PostgreSqlScratchDatabase : IScratchDatabase
{
    private readonly NpgsqlConnection _connection;
    private readonly Func<string, Task> _drop;
    private NpgsqlTransaction? _transaction;
    private NpgsqlCommand? _fingerprint;
    private long _fingerprintPlannedForLines;
    private int _disposed;

    internal PostgreSqlScratchDatabase(string name, NpgsqlConnection connection, Func<string, Task> drop)
    {
        Name = name;
        _connection = connection;
        _drop = drop;
    }

    /// <summary>The database name, <c>migrations_build_&lt;timestamp&gt;_&lt;random&gt;</c>.</summary>
    public string Name { get; }

    public bool InTransaction => _transaction is not null;

    /// <summary>Runs each statement as its own command so a failure points at its statement; the server's error
    /// position is mapped to the file's line and column.</summary>
    public async Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken)
    {
        foreach (var statement in script.Statements)
        {
            await using var command = new NpgsqlCommand(statement.Text, _connection, _transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception)
            {
                throw new StatementFailedException(
                    statement,
                    ServerErrorReport.Locate(statement, exception.Position),
                    ServerErrorReport.Describe(exception),
                    exception);
            }
            catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StatementFailedException(statement, statement.Location, ServerErrorReport.Describe(exception), exception);
            }
        }
    }

    public Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken) =>
        PostgreSqlSchemaReader.ReadAsync(_connection, _transaction, cancellationToken);

    /// <summary>An md5 over every user object's definition, computed by the server (see <see cref="SchemaFingerprint"/>):
    /// equal fingerprints imply equal reflected schemas, at a small part of the cost of reflecting.</summary>
    public async Task<string> ReadFingerprintAsync(CancellationToken cancellationToken)
    {
        _fingerprint ??= await SchemaFingerprint.PrepareAsync(_connection, _transaction, cancellationToken).ConfigureAwait(false);
        _fingerprint.Transaction = _transaction;
        var fingerprint = (string)(await _fingerprint.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await ReplanFingerprintIfOutgrownAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        return fingerprint;
    }

    /// <summary>The prepared plan was made for the catalogs' size when it was prepared (a fresh database: a few
    /// hundred rows, so nested loops and per-row scans). Once the schema has grown well past that, the next read
    /// prepares again; measured at 1,000 migrations, a plan made at the first one costs far more than planning.</summary>
    private async Task ReplanFingerprintIfOutgrownAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var lines = long.Parse(fingerprint.AsSpan(0, fingerprint.IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
        if (_fingerprintPlannedForLines == 0)
        {
            _fingerprintPlannedForLines = lines;
        }
        else if (lines > 2 * _fingerprintPlannedForLines + 100)
        {
            await _fingerprint!.UnprepareAsync(cancellationToken).ConfigureAwait(false);
            await _fingerprint.DisposeAsync().ConfigureAwait(false);
            _fingerprint = null;
            _fingerprintPlannedForLines = 0;
        }
    }

    public async Task BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this scratch database.");
        }

        _transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        await using (transaction.ConfigureAwait(false))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        await using (transaction.ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SavepointAsync(string name, CancellationToken cancellationToken) =>
        (_transaction ?? throw new InvalidOperationException("Savepoints need an open transaction.")).SaveAsync(name, cancellationToken);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken) =>
        (_transaction ?? throw new InvalidOperationException("Savepoints need an open transaction.")).RollbackAsync(name, cancellationToken);

    /// <summary>Closes the connection and drops the database, also after a failed statement.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (_fingerprint is not null)
            {
                await _fingerprint.DisposeAsync().ConfigureAwait(false);
                _fingerprint = null;
            }

            if (_transaction is not null)
            {
                await _transaction.DisposeAsync().ConfigureAwait(false);
                _transaction = null;
            }
        }
        catch (NpgsqlException)
        {
            // The connection is broken; dropping with FORCE below still works.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            await _drop(Name).ConfigureAwait(false);
        }
    }
}
