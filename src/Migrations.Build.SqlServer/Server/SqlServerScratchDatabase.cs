using Microsoft.Data.SqlClient;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.SqlServer.Server;

/// <summary>One scratch database on a SQL Server, on one session: batches run in order (each <c>GO</c> batch one
/// command), errors are placed at the server's line within the batch, and disposing drops the database.</summary>
public sealed class SqlServerScratchDatabase : IScratchDatabase
{
    private readonly SqlConnection _connection;
    private readonly string _name;
    private readonly Func<string, Task> _drop;
    private SqlTransaction? _transaction;

    private SqlServerScratchDatabase(SqlConnection connection, string name, Func<string, Task> drop)
    {
        _connection = connection;
        _name = name;
        _drop = drop;
    }

    public bool InTransaction => _transaction is not null;

    /// <summary>Connects and checks, before any DDL, that the session is in the scratch database and nowhere else.</summary>
    public static async Task<SqlServerScratchDatabase> OpenAsync(SqlConnectionStringBuilder database, string name, Func<string, Task> drop, CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var check = new SqlCommand("SELECT DB_NAME()", connection);
            var current = (string?)await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (current != name)
            {
                throw new ProviderSetupException(DiagnosticCodes.ScratchDatabaseFailed, $"The scratch database session is in '{current}', not in '{name}': nothing was run.");
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqlServerScratchDatabase(connection, name, drop);
    }

    public async Task ExecuteAsync(SqlScript script, CancellationToken cancellationToken)
    {
        foreach (var batch in script.Statements)
        {
            await using var command = new SqlCommand(batch.Text, _connection, _transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StatementFailedException(batch, AtServerLine(batch, e.LineNumber), e.Message, e);
            }
        }
    }

    public Task<DatabaseSchema> ReadSchemaAsync(CancellationToken cancellationToken) =>
        SqlServerCatalogReader.ReadAsync(_connection, _transaction, cancellationToken);

    /// <summary>Every user object with its id and last change, every column and index: equal texts mean nothing was
    /// created, dropped or altered in between.</summary>
    public async Task<string> ReadFingerprintAsync(CancellationToken cancellationToken)
    {
        const string text = """
            SELECT CONCAT(
              (SELECT STRING_AGG(CAST(CONCAT(o.object_id, ':', o.name, ':', o.type, ':', CONVERT(varchar(30), o.modify_date, 126)) AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY o.object_id) FROM sys.objects o WHERE o.is_ms_shipped = 0),
              '|', (SELECT STRING_AGG(CAST(CONCAT(c.object_id, ':', c.column_id, ':', c.name) AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY c.object_id, c.column_id) FROM sys.columns c JOIN sys.objects o ON o.object_id = c.object_id WHERE o.is_ms_shipped = 0),
              '|', (SELECT STRING_AGG(CAST(CONCAT(i.object_id, ':', i.index_id, ':', i.name) AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY i.object_id, i.index_id) FROM sys.indexes i JOIN sys.objects o ON o.object_id = i.object_id WHERE o.is_ms_shipped = 0),
              '|', (SELECT STRING_AGG(CAST(CONCAT(s.schema_id, ':', s.name) AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY s.schema_id) FROM sys.schemas s),
              '|', (SELECT STRING_AGG(CAST(CONCAT(t.user_type_id, ':', t.name) AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY t.user_type_id) FROM sys.types t WHERE t.is_user_defined = 1))
            """;
        await using var command = new SqlCommand(text, _connection, _transaction);
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }

    public async Task BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open.");
        }

        _transaction = (SqlTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await transaction.DisposeAsync().ConfigureAwait(false);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;

        // A batch error may already have ended the transaction on the server (XACT_ABORT, severity 16+ errors).
        if (transaction.Connection is not null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
    }

    public Task SavepointAsync(string name, CancellationToken cancellationToken)
    {
        (_transaction ?? throw new InvalidOperationException("Savepoints need an open transaction.")).Save(name);
        return Task.CompletedTask;
    }

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken)
    {
        (_transaction ?? throw new InvalidOperationException("Savepoints need an open transaction.")).Rollback(name);
        return Task.CompletedTask;
    }

    /// <summary>Closes the session, then drops the database (from the server's master database).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        await _drop(_name).ConfigureAwait(false);
    }

    /// <summary>The server counts lines from the start of the batch (1-based); the batch starts at its location.</summary>
    public static SourceLocation AtServerLine(SqlStatement batch, int serverLine) => serverLine <= 1
        ? batch.Location
        : batch.Location with { Line = batch.Location.Line + serverLine - 1, Column = 1 };
}
