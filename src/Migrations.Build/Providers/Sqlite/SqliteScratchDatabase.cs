using Microsoft.Data.Sqlite;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>A private SQLite database for one check: in memory by default (nothing touches the disk and closing
/// the connection drops it), or a new file when a path is given for debugging (the file is kept).</summary>
public sealed class SqliteScratchDatabase : IScratchDatabase
{
    // One string built inside SQLite (fields split by U+001F, rows ended by U+001E; see SqliteFingerprint): it is
    // read twice per migration, and one value costs a fraction of marshalling every row and column.
    private const string FingerprintQuery =
        "SELECT coalesce(group_concat(type || char(31) || name || char(31) || tbl_name || char(31) || coalesce(sql, '') || char(31), char(30)), '') " +
        "FROM (SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name)";

    // Temporary tables, views and triggers belong to the connection, not to the database: a runner's new connection
    // has none, so none may outlive the script that made it (see ExecuteAsync).
    private const string TemporaryObjectsQuery = "SELECT count(*) FROM sqlite_temp_master";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _fingerprint;
    private readonly SqliteCommand _temporaryObjects;
    private readonly SqliteConfinement _confinement;
    private bool _scriptFailed;

    /// <param name="filePath">A database file to use instead of memory (for debugging); it must not exist yet or be
    /// empty, so that the scratch database starts empty.</param>
    /// <param name="foreignKeys">Enforce foreign keys (SQLite's own default is off; most projects migrate with them on,
    /// and a project whose table rebuilds need them off says so).</param>
    public SqliteScratchDatabase(string? filePath = null, bool foreignKeys = true)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = filePath ?? ":memory:",
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            _connection.Open();
            _confinement = SqliteConfinement.Install(_connection.Handle!);
            SqliteStatementRunner.RunControl(_connection.Handle!, foreignKeys ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
            _fingerprint = _connection.CreateCommand();
            _fingerprint.CommandText = FingerprintQuery;
            _temporaryObjects = _connection.CreateCommand();
            _temporaryObjects.CommandText = TemporaryObjectsQuery;
            if (filePath is not null && ReadFingerprint().Length > 0)
            {
                throw new ProviderSetupException(
                    DiagnosticCodes.ScratchDatabaseFailed,
                    $"The SQLite scratch database file '{filePath}' already holds a schema; give a new or empty file.");
            }
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw new ProviderSetupException(
                DiagnosticCodes.ScratchDatabaseFailed, $"The SQLite scratch database could not be opened: {ex.Message}", ex);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>True while a transaction is open on the connection (as SQLite itself reports it).</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(Handle) == 0;

    private sqlite3 Handle => _connection.Handle ?? throw new ObjectDisposedException(nameof(SqliteScratchDatabase));

    /// <summary>Enforced with a timer that interrupts the statement (sqlite3_interrupt, as a cancel does).</summary>
    public TimeSpan? StatementTimeout { get; set; }

    /// <summary>Runs the script's statements in order; each script starts on a fresh session state, as on a runner's
    /// new connection: the temporary objects a script made are dropped after it (a count of sqlite_temp_master,
    /// microseconds, tells when there are any).</summary>
    public Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var db = Handle;
        using var interrupt = cancellationToken.CanBeCanceled ? cancellationToken.Register(() => raw.sqlite3_interrupt(db)) : default;
        _confinement.TakeRefusal(); // one left by a cancelled statement is not this script's
        if (_scriptFailed)
        {
            DropTemporaryObjects(); // what the failed script left; a script that ran to its end dropped its own
        }

        _scriptFailed = true;
        RunStatements(db, script, cancellationToken);
        DropTemporaryObjects();
        _scriptFailed = false;
        return Task.CompletedTask;
    }

    private void RunStatements(sqlite3 db, SqlScript script, CancellationToken cancellationToken)
    {
        foreach (var statement in script.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var limit = StatementTimeout is { } timeout ? new StatementTimer(db, timeout) : null;
            try
            {
                SqliteStatementRunner.Run(db, statement);
            }
            catch (StatementFailedException) when (cancellationToken.IsCancellationRequested)
            {
                // sqlite3_interrupt made the statement fail: a cancelled run, not a broken migration (was MIG2001 "interrupted").
                throw new OperationCanceledException(cancellationToken);
            }
            catch (StatementFailedException failure) when (limit is { Fired: true })
            {
                throw StatementFailedException.Timeout(statement, limit.Limit, failure);
            }
            catch (StatementFailedException failure) when (_confinement.TakeRefusal() is { } refusal)
            {
                throw new StatementFailedException(failure.Statement, failure.Location, $"refused: {refusal}", failure) { Refusal = DiagnosticCodes.StatementRefused };
            }
        }
    }

    /// <summary>Drops the connection's temporary objects: triggers and views first (a temporary trigger may be on a
    /// table of the database), then tables with their indexes.</summary>
    private void DropTemporaryObjects()
    {
        if ((long)_temporaryObjects.ExecuteScalar()! == 0)
        {
            return;
        }

        var drops = new List<string>();
        using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT type, name FROM sqlite_temp_master WHERE type IN ('trigger', 'view', 'table') ORDER BY type = 'table', type = 'view'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                drops.Add($"DROP {reader.GetString(0).ToUpperInvariant()} IF EXISTS temp.{QuoteName(reader.GetString(1))}");
            }
        }

        foreach (var drop in drops)
        {
            SqliteStatementRunner.RunControl(Handle, drop);
        }
    }

    public Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken) =>
        Task.FromResult(SqliteSchemaReader.Read(_connection));

    public Task<string> ReadFingerprintAsync(CancellationToken cancellationToken) => Task.FromResult(ReadFingerprint());

    public Task<DatabaseSchema> ReadChangedSchemaAsync(string fingerprint, string otherFingerprint, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteSchemaReader.Read(_connection, SqliteFingerprint.ChangedTables(fingerprint, otherFingerprint)));

    public Task BeginTransactionAsync(CancellationToken cancellationToken) => Control("BEGIN");

    public Task CommitAsync(CancellationToken cancellationToken) => Control("COMMIT");

    public Task RollbackAsync(CancellationToken cancellationToken) => Control("ROLLBACK");

    public Task SavepointAsync(string name, CancellationToken cancellationToken) => Control("SAVEPOINT " + QuoteName(name));

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken) =>
        Control("ROLLBACK TO " + QuoteName(name));

    public ValueTask DisposeAsync()
    {
        _fingerprint?.Dispose();
        _temporaryObjects?.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string QuoteName(string name) => SqliteCanonicalText.QuoteName(name);

    private Task Control(string sql)
    {
        SqliteStatementRunner.RunControl(Handle, sql);
        return Task.CompletedTask;
    }

    private string ReadFingerprint()
    {
        return SqliteFingerprint.Canonical((string)_fingerprint.ExecuteScalar()!);
    }
}
