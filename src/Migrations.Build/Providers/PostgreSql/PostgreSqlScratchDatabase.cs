using Migrations.Build.Migrations;
using Migrations.Build.Providers.PostgreSql.Fingerprint;
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
    private readonly SessionStateReset _session = new();
    private NpgsqlTransaction? _transaction;
    private ISchemaFingerprint _fingerprint;
    private int _disposed;

    internal PostgreSqlScratchDatabase(string name, NpgsqlDataSource source, NpgsqlConnection connection, Func<string, Task> drop)
    {
        Name = name;
        _source = source;
        _connection = connection;
        _drop = drop;
        _fingerprint = SchemaFingerprintFactory.Initial(connection);
    }

    /// <summary>The database name, <c>migrations_build_&lt;timestamp&gt;_&lt;random&gt;</c>.</summary>
    public string Name { get; }

    public bool InTransaction => _transaction is not null;

    /// <summary>Connections to this database as the engine's own role (the superuser on a cluster of its own), for the
    /// fingerprint's event triggers and the setup script; the same source as the scripts' where they run as the given
    /// role. Null: the scripts' source.</summary>
    internal NpgsqlDataSource? Admin { get; init; }

    /// <summary>True when the scripts run as <see cref="RunnerRole"/>, not as the role of <see cref="Admin"/>.</summary>
    internal bool Confined { get; init; }

    /// <summary>The server's <c>statement_timeout</c> of this session, set by the provider when it connects (see
    /// <see cref="PostgreSqlProvider.StatementTimeout"/>); the server ends a longer statement with 57014 and the
    /// connection stays usable (a client-side command timeout would have Npgsql break it).</summary>
    public TimeSpan? StatementTimeout { get; set; }

    private bool IsTimeout(NpgsqlException exception) =>
        StatementTimeout is not null && exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    /// <summary>Runs the script's statements in order; a failure points at its statement, and the server's error
    /// position is mapped to the file's line and column. Inside an open transaction the statements go to the server in
    /// one batch (one round trip: the server still runs them one by one and stops at the first error, which then
    /// aborts the transaction either way); outside one, or when a statement manages transactions itself, each is its
    /// own command, so each runs in its own implicit transaction as psql would run it.</summary>
    /// <remarks>Every statement is judged first (<see cref="PostgreSqlConfinement"/>): a refused one never reaches the
    /// server; the statements before it run as they would have, so an earlier failure is still reported first.</remarks>
    /// <para>Each script starts on a fresh session state, as a runner's new session does: what a script may have left
    /// in the session is cleared after it (<see cref="SessionStateReset"/>), in the same batch when one is sent.</para>
    public async Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (_session.Owed && _session.Statement is { } owed)
        {
            // The previous script failed before its reset ran.
            await ResetSessionAsync(owed, cancellationToken).ConfigureAwait(false);
        }

        var statements = script.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            if (PostgreSqlConfinement.Judge(statements[i].Text) is { } refusal)
            {
                await RunAsync(statements.Take(i).ToList(), cancellationToken).ConfigureAwait(false);
                throw new StatementFailedException(statements[i], ObjectLocator.At(statements[i], refusal.Offset), "refused: " + refusal.Reason)
                {
                    Refusal = refusal.Code,
                };
            }

            if (PostgreSqlConfinement.CopiesWithClient(statements[i].Text))
            {
                // Npgsql would throw NotSupportedException for it: said here, at the statement, before anything runs.
                await RunAsync(statements.Take(i).ToList(), cancellationToken).ConfigureAwait(false);
                throw new StatementFailedException(
                    statements[i],
                    statements[i].Location,
                    "COPY … FROM STDIN and COPY … TO STDOUT cannot run here: their rows come from or go to the client, and the check sends each statement alone, with no data (psql's inline data after COPY is not SQL); write the rows as INSERT statements");
            }
        }

        await RunAsync(statements, cancellationToken, resetAfter: true).ConfigureAwait(false);
    }

    private async Task RunAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken, bool resetAfter = false)
    {
        foreach (var statement in statements)
        {
            _fingerprint.Observe(statement.Text);
            _session.Observe(statement.Text);
        }

        // The reset goes last in the batch of several statements; after a single statement (whose text may hold
        // several commands in a test or a generated script, which a batch command cannot) it is its own command: it
        // costs a round trip only where a script named session state.
        var reset = resetAfter ? _session.Statement : null;
        if (_transaction is not null && statements.Count > 1 && !statements.Any(s => PostgreSqlTransactionRules.RequiresNoTransaction(s.Text)))
        {
            await ExecuteBatchAsync(statements.SelectMany(s => s.Parts.Count > 0 ? s.Parts : [s]).ToList(), reset, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var statement in statements)
        {
            if (statement.Parts.Count > 0)
            {
                await ExecuteBlockAsync(statement, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using var command = new NpgsqlCommand(statement.Text, _connection, _transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (NpgsqlException exception) when (IsTimeout(exception) && StatementTimeout is { } limit)
            {
                throw StatementFailedException.Timeout(statement, limit, exception);
            }
            catch (NpgsqlException exception) when (!ConnectionFault.IsConnectionFault(exception))
            {
                // A lost connection is not this statement's fault: it ends the check (MIG0011, see the provider).
                // Outside a transaction a failed statement may leave part of its work behind (CREATE INDEX
                // CONCURRENTLY leaves an invalid index).
                if (_transaction is null)
                {
                    _fingerprint.Invalidate();
                }

                throw Failure(statement, exception);
            }
        }

        if (reset is not null)
        {
            await ResetSessionAsync(reset, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a block of several statements as one unit, as a runner sends it in one command (which the server
    /// runs in one implicit transaction outside a transaction block): its parts in one batch, which Npgsql sends the
    /// same way. A driver command holds one statement only ("cannot insert multiple commands into a prepared
    /// statement").</summary>
    private async Task ExecuteBlockAsync(SqlStatement block, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteBatchAsync(block.Parts, reset: null, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException) when (_transaction is null)
        {
            _fingerprint.Invalidate();
            throw;
        }
    }

    /// <summary>Runs the session reset on its own (outside the script's batch).</summary>
    private async Task ResetSessionAsync(string reset, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(reset, _connection, _transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _session.Cleared();
    }

    /// <param name="reset">The session reset, sent last in the same batch (no round trip of its own); null: none.</param>
    private async Task ExecuteBatchAsync(IReadOnlyList<SqlStatement> statements, string? reset, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection, _transaction) { Timeout = 0 };
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        if (reset is not null)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(reset));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (reset is not null)
            {
                _session.Cleared();
            }
        }
        catch (NpgsqlException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (NpgsqlException exception) when (!ConnectionFault.IsConnectionFault(exception))
        {
            // Npgsql leaves the exception's BatchCommand unset here; the failed command is the first one the server
            // did not complete (a completed command has a known statement type).
            var failed = 0;
            while (failed < statements.Count - 1 && batch.BatchCommands[failed].StatementType != StatementType.Unknown)
            {
                failed++;
            }

            if (reset is not null && batch.BatchCommands[statements.Count - 1].StatementType != StatementType.Unknown)
            {
                throw new InvalidOperationException($"The session reset after a script failed: {exception.Message}", exception);
            }

            throw IsTimeout(exception) && StatementTimeout is { } limit
                ? StatementFailedException.Timeout(statements[failed], limit, exception)
                : Failure(statements[failed], exception);
        }
    }

    /// <summary><c>COPY … FROM STDIN</c> (or <c>TO STDOUT</c>) needs psql's or a driver's copy protocol: Npgsql
    /// refuses to send it as a command (NotSupportedException), and the connection is unusable after. Found before
    /// anything runs, it is a finding at the statement, as a runner that uses a driver would fail there too.</summary>
    private static StatementFailedException Failure(SqlStatement statement, NpgsqlException exception) => exception is PostgresException server
        ? new StatementFailedException(statement, ServerErrorReport.Locate(statement, server.Position), ServerErrorReport.Describe(server), exception)
        {
            Violation = ServerErrorReport.Violation(server),
        }
        : new StatementFailedException(statement, statement.Location, ServerErrorReport.Describe(exception), exception);

    public Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken) =>
        PostgreSqlSchemaReader.ReadAsync(_connection, _transaction, cancellationToken);

    /// <summary>The line count and a hash of every user object's definition, computed by the server: equal
    /// fingerprints imply equal reflected schemas (<see cref="ISchemaFingerprint"/>; which method reads it is decided
    /// by <see cref="SchemaFingerprintFactory"/> once the history is known, see <see cref="ExpectMigrationsAsync"/>).</summary>
    public Task<string> ReadFingerprintAsync(CancellationToken cancellationToken) =>
        _fingerprint.ReadAsync(_transaction, cancellationToken);

    /// <summary>Chooses the fingerprint for the history this database will replay; before the first read, outside any
    /// transaction.</summary>
    public async Task ExpectMigrationsAsync(int count, CancellationToken cancellationToken)
    {
        if (_fingerprint.Method == FingerprintMethod.Whole)
        {
            var tracking = await InstallTrackingAsync(cancellationToken).ConfigureAwait(false);
            if (await SchemaFingerprintFactory.ForHistoryAsync(_connection, tracking, count, cancellationToken).ConfigureAwait(false) is { } incremental)
            {
                await UseAsync(incremental).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs the setup script (the runners' environment: extensions only a superuser may create, roles the
    /// migrations grant to) as <see cref="Admin"/>, each statement on its own as psql runs a file, on a session of its
    /// own; not judged by <see cref="PostgreSqlConfinement"/>: it is the project's, not a migration's.</summary>
    public async Task ExecuteSetupAsync(SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var connection = await (Admin ?? _source).OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in script.Statements)
        {
            await using var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception) when (exception is PostgresException || !cancellationToken.IsCancellationRequested)
            {
                throw Failure(statement, exception);
            }
        }
    }

    /// <summary>Switches to a fingerprint of the given method (tests choose one; <see cref="ExpectMigrationsAsync"/>
    /// does otherwise).</summary>
    internal async Task UseFingerprintAsync(FingerprintMethod method, CancellationToken cancellationToken) =>
        await UseAsync(await SchemaFingerprintFactory.CreateAsync(_connection, method, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>The fingerprint this database reads.</summary>
    internal ISchemaFingerprint Fingerprint => _fingerprint;

    /// <summary>Installs the event triggers of the tracked fingerprint, as <see cref="Admin"/> where the scripts run as
    /// the runner role; false when the role may not.</summary>
    internal async Task<bool> InstallTrackingAsync(CancellationToken cancellationToken)
    {
        if (!Confined || Admin is null)
        {
            return await DdlTracking.InstallAsync(_connection, cancellationToken).ConfigureAwait(false);
        }

        await using var admin = await Admin.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await DdlTracking.InstallAsync(admin, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>With <paramref name="full"/>, an incremental fingerprint prints every object again, ignoring what it kept
    /// (what its reads must equal).</summary>
    internal Task<string> ReadFingerprintAsync(bool full, CancellationToken cancellationToken) => full
        ? ((IncrementalSchemaFingerprint)_fingerprint).ReadAllAsync(_transaction, cancellationToken)
        : ReadFingerprintAsync(cancellationToken);

    private async Task UseAsync(ISchemaFingerprint fingerprint)
    {
        await _fingerprint.DisposeAsync().ConfigureAwait(false);
        _fingerprint = fingerprint;
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
            await _fingerprint.DisposeAsync().ConfigureAwait(false);

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
            if (Admin is not null && Admin != _source)
            {
                await Admin.DisposeAsync().ConfigureAwait(false);
            }

            await _drop(Name).ConfigureAwait(false);
        }
    }
}
