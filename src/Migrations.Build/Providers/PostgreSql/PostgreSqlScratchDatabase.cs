using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>A scratch database on a PostgreSQL server, reached through one dedicated connection (no pooling, so
/// nothing keeps it open after dispose); disposing it drops the database.</summary>
public sealed class PostgreSqlScratchDatabase : IScratchDatabase
{
    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnection _connection;
    private readonly Func<string, Task> _drop;
    private NpgsqlTransaction? _transaction;
    private NpgsqlCommand? _fingerprint;
    private NpgsqlCommand? _fullFingerprint;
    private readonly WholeSchemaFingerprint _wholeFingerprint = new();
    private FingerprintMethod _method;
    private bool _nextReadFull;
    private long _fingerprintPlannedForLines;
    private bool _stateMayBeGone;
    private bool _preparedMayBeGone;
    private int _disposed;

    internal PostgreSqlScratchDatabase(string name, NpgsqlDataSource source, NpgsqlConnection connection, Func<string, Task> drop)
    {
        Name = name;
        _source = source;
        _connection = connection;
        _drop = drop;
    }

    /// <summary>The database name, <c>migrations_build_&lt;timestamp&gt;_&lt;random&gt;</c>.</summary>
    public string Name { get; }

    public bool InTransaction => _transaction is not null;

    /// <summary>Runs the script's statements in order; a failure points at its statement, and the server's error
    /// position is mapped to the file's line and column. Inside an open transaction the statements go to the server in
    /// one batch (one round trip: the server still runs them one by one and stops at the first error, which then
    /// aborts the transaction either way); outside one, or when a statement manages transactions itself, each is its
    /// own command, so each runs in its own implicit transaction as psql would run it.</summary>
    public async Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken)
    {
        var statements = script.Statements;
        if (statements.Any(s => SchemaFingerprint.MayDropState(s.Text)))
        {
            _stateMayBeGone = true;
            _preparedMayBeGone = true;
            _nextReadFull = _method == FingerprintMethod.Tracked;
        }

        _nextReadFull |= _method == FingerprintMethod.Tracked && statements.Any(s => SchemaFingerprint.EscapesTracking(s.Text));

        if (_transaction is not null && statements.Count > 1 && !statements.Any(s => PostgreSqlTransactionRules.RequiresNoTransaction(s.Text)))
        {
            await ExecuteBatchAsync(statements, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement.Text, _connection, _transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception) when (exception is PostgresException || !cancellationToken.IsCancellationRequested)
            {
                // Outside a transaction a failed statement may leave part of its work behind where no event trigger
                // saw it (CREATE INDEX CONCURRENTLY leaves an invalid index).
                _nextReadFull |= _method == FingerprintMethod.Tracked && _transaction is null;
                throw Failure(statement, exception);
            }
        }
    }

    private async Task ExecuteBatchAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection, _transaction) { Timeout = 0 };
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception is PostgresException || !cancellationToken.IsCancellationRequested)
        {
            // Npgsql leaves the exception's BatchCommand unset here; the failed command is the first one the server
            // did not complete (a completed command has a known statement type).
            var failed = 0;
            while (failed < statements.Count - 1 && batch.BatchCommands[failed].StatementType != StatementType.Unknown)
            {
                failed++;
            }

            throw Failure(statements[failed], exception);
        }
    }

    private static StatementFailedException Failure(SqlStatement statement, NpgsqlException exception) => exception is PostgresException server
        ? new StatementFailedException(statement, ServerErrorReport.Locate(statement, server.Position), ServerErrorReport.Describe(server), exception)
        : new StatementFailedException(statement, statement.Location, ServerErrorReport.Describe(exception), exception);

    public Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken) =>
        PostgreSqlSchemaReader.ReadAsync(_connection, _transaction, cancellationToken);

    /// <summary>The line count and a hash of every user object's definition, computed by the server: equal
    /// fingerprints imply equal reflected schemas. Where the session may install event triggers, or for a long history
    /// (see <see cref="ExpectMigrationsAsync"/>), only objects that changed since the previous read are printed again
    /// (<see cref="SchemaFingerprint"/>), so a read costs about what the last statements changed; otherwise every
    /// object is (<see cref="WholeSchemaFingerprint"/>). The methods give different texts, so one database always
    /// uses the same.</summary>
    public async Task<string> ReadFingerprintAsync(CancellationToken cancellationToken)
    {
        if (_method != FingerprintMethod.Whole)
        {
            var fingerprint = await ReadFingerprintAsync(_nextReadFull, cancellationToken).ConfigureAwait(false);
            _nextReadFull = false;
            return fingerprint;
        }

        await ForgetPreparedIfGoneAsync().ConfigureAwait(false);
        return await _wholeFingerprint.ReadAsync(_connection, _transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Without event triggers, the incremental fingerprint pays from about this many migrations on (measured:
    /// scanning the catalogs costs more than reading everything at 200, much less at 1,000).</summary>
    internal const int IncrementalFingerprintFrom = 500;

    /// <summary>Chooses the fingerprint for the history this database will replay; before the first read, outside any
    /// transaction (the state tables and triggers created here would go with a rollback): the tracked one where the
    /// role may install event triggers, else the scanned one for a long history and the whole one for a short one.</summary>
    public async Task ExpectMigrationsAsync(int count, CancellationToken cancellationToken)
    {
        if (_method != FingerprintMethod.Whole)
        {
            return;
        }

        if (await SchemaFingerprint.InstallTrackingAsync(_connection, cancellationToken).ConfigureAwait(false))
        {
            await UseFingerprintAsync(FingerprintMethod.Tracked, cancellationToken).ConfigureAwait(false);
        }
        else if (count >= IncrementalFingerprintFrom)
        {
            await UseFingerprintAsync(FingerprintMethod.Scanned, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Switches to an incremental fingerprint (tests choose one; <see cref="ExpectMigrationsAsync"/> does
    /// otherwise): creates its state tables, and for <see cref="FingerprintMethod.Tracked"/> expects the event
    /// triggers in place.</summary>
    internal async Task UseFingerprintAsync(FingerprintMethod method, CancellationToken cancellationToken)
    {
        await SchemaFingerprint.CreateStateAsync(_connection, null, method, cancellationToken).ConfigureAwait(false);
        _method = method;
    }

    /// <summary>Installs the event triggers of the tracked fingerprint; false when the role may not.</summary>
    internal Task<bool> InstallTrackingAsync(CancellationToken cancellationToken) =>
        SchemaFingerprint.InstallTrackingAsync(_connection, cancellationToken);

    /// <summary>The fingerprint this database reads.</summary>
    internal FingerprintMethod Method => _method;

    /// <summary>How many fingerprint reads printed every object again (the first one, and those after a change that
    /// may print anywhere: search_path, a namesake, a temporary or built-in object).</summary>
    internal int FullReads { get; private set; }

    /// <summary>With <paramref name="full"/>, every object is printed again (what the incremental read must equal).</summary>
    internal async Task<string> ReadFingerprintAsync(bool full, CancellationToken cancellationToken)
    {
        await ForgetPreparedIfGoneAsync().ConfigureAwait(false);
        if (_stateMayBeGone)
        {
            // A statement may have dropped the session's temporary tables: created again if they are missing (only
            // then: creating a temporary object is an "F" to the event triggers, a full read). Checked on every read
            // until that happens outside a transaction (created inside one, they go with its rollback).
            await SchemaFingerprint.CreateStateIfMissingAsync(_connection, _transaction, _method, cancellationToken).ConfigureAwait(false);
            _stateMayBeGone = _transaction is not null;
        }

        var (fingerprint, repeat) = await ExecuteFingerprintAsync(full, cancellationToken).ConfigureAwait(false);
        if (repeat)
        {
            // The read found a name shared by two objects among those it printed again: how references print may
            // have changed anywhere, so everything is printed again.
            (fingerprint, _) = await ExecuteFingerprintAsync(full: true, cancellationToken).ConfigureAwait(false);
        }

        await ReplanFingerprintIfOutgrownAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        return fingerprint;
    }

    /// <summary>DISCARD ALL also deallocates the prepared statements, which the client library does not notice: after a
    /// statement that may have done so, the fingerprint statements are prepared again.</summary>
    private async Task ForgetPreparedIfGoneAsync()
    {
        if (_preparedMayBeGone)
        {
            _preparedMayBeGone = false;
            await DisposeFingerprintCommandsAsync().ConfigureAwait(false);
            await _wholeFingerprint.DisposeAsync().ConfigureAwait(false);
            // Synchronous in Npgsql: on the thread pool, never on a socket thread (see Cli.InlineSocketCompletions).
            await Task.Run(_connection.UnprepareAll).ConfigureAwait(false);
        }
    }

    private async Task<(string Fingerprint, bool Repeat)> ExecuteFingerprintAsync(bool full, CancellationToken cancellationToken)
    {
        var command = full
            ? _fullFingerprint ??= await SchemaFingerprint.PrepareAsync(_connection, _transaction, _method, full: true, cancellationToken).ConfigureAwait(false)
            : _fingerprint ??= await SchemaFingerprint.PrepareAsync(_connection, _transaction, _method, full: false, cancellationToken).ConfigureAwait(false);
        command.Transaction = _transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        FullReads += reader.GetBoolean(2) ? 1 : 0;
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    /// <summary>The prepared plans were made for the catalogs' size when they were prepared (a fresh database: a few
    /// hundred rows, so nested loops and per-row scans). Once the schema has grown well past that, the next read
    /// prepares again. Planning the incremental statement costs about 250 ms, and a plan made for an empty database
    /// reads a 1,000-migration schema only ~15% slower (18 against 16 ms for a read with nothing changed), so it is
    /// planned again only after the line count has grown fourfold and by at least 1,000 lines.</summary>
    private async Task ReplanFingerprintIfOutgrownAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var lines = SchemaFingerprint.LineCount(fingerprint);
        if (_fingerprintPlannedForLines == 0)
        {
            _fingerprintPlannedForLines = lines;
        }
        else if (lines > 4 * _fingerprintPlannedForLines + 1000)
        {
            foreach (var command in new[] { _fingerprint, _fullFingerprint })
            {
                if (command is not null)
                {
                    await command.UnprepareAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await DisposeFingerprintCommandsAsync().ConfigureAwait(false);
        }
    }

    private async Task DisposeFingerprintCommandsAsync()
    {
        foreach (var command in new[] { _fingerprint, _fullFingerprint })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        _fingerprint = null;
        _fullFingerprint = null;
        _fingerprintPlannedForLines = 0;
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
            await DisposeFingerprintCommandsAsync().ConfigureAwait(false);
            await _wholeFingerprint.DisposeAsync().ConfigureAwait(false);

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
            await _source.DisposeAsync().ConfigureAwait(false);
            await _drop(Name).ConfigureAwait(false);
        }
    }
}
