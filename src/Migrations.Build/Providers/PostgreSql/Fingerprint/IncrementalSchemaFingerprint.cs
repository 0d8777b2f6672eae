using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>The fingerprint that prints again only the objects that changed since the previous read (and what prints
/// their names), keeping what each read found in the session's temporary tables (<c>State.sql</c>), so that ROLLBACK
/// and ROLLBACK TO SAVEPOINT (ours or a migration's own) restore it together with the catalogs it describes. What
/// changed comes from the event triggers' record (<see cref="FingerprintMethod.Tracked"/>, <c>Tracked.sql</c>) or
/// from scanning the catalogs' xmins (<see cref="FingerprintMethod.Scanned"/>, <c>Scanned.sql</c>); either read is a
/// function of the session with one parameter, whether to print everything again.</summary>
internal sealed partial class IncrementalSchemaFingerprint : ISchemaFingerprint
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlCommand? _read;
    private long _plannedForLines;
    private bool _nextReadFull;
    private bool _stateMayBeGone;
    private bool _preparedMayBeGone;

    private IncrementalSchemaFingerprint(NpgsqlConnection connection, FingerprintMethod method)
    {
        _connection = connection;
        Method = method;
    }

    public FingerprintMethod Method { get; }

    /// <summary>How many reads printed every object again (the first one, and those after a change that may print
    /// anywhere: search_path, a namesake, a temporary or built-in object).</summary>
    internal int FullReads { get; private set; }

    /// <summary>Creates the session's state tables and the read function, outside any transaction (they would go with
    /// its rollback); for <see cref="FingerprintMethod.Tracked"/> the event triggers must be in place
    /// (<see cref="DdlTracking.InstallAsync"/>).</summary>
    public static async Task<IncrementalSchemaFingerprint> CreateAsync(NpgsqlConnection connection, FingerprintMethod method, CancellationToken cancellationToken)
    {
        var fingerprint = new IncrementalSchemaFingerprint(connection, method);
        await fingerprint.CreateStateAsync(null, cancellationToken).ConfigureAwait(false);
        return fingerprint;
    }

    public async Task<string> ReadAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var fingerprint = await ReadAsync(transaction, _nextReadFull, cancellationToken).ConfigureAwait(false);
        _nextReadFull = false;
        return fingerprint;
    }

    /// <summary>Prints every object again, ignoring what was kept (what an incremental read must equal).</summary>
    internal Task<string> ReadAllAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        ReadAsync(transaction, full: true, cancellationToken);

    private async Task<string> ReadAsync(NpgsqlTransaction? transaction, bool full, CancellationToken cancellationToken)
    {
        if (_preparedMayBeGone)
        {
            _preparedMayBeGone = false;
            await ForgetAsync().ConfigureAwait(false);
            await PreparedStatements.ForgetAllAsync(_connection).ConfigureAwait(false);
        }

        if (_stateMayBeGone)
        {
            // A statement may have dropped the session's temporary tables: created again if they are missing (only
            // then: creating a temporary object is an "F" to the event triggers, a full read). Checked on every read
            // until that happens outside a transaction (created inside one, they go with its rollback).
            await CreateStateIfMissingAsync(transaction, cancellationToken).ConfigureAwait(false);
            _stateMayBeGone = transaction is not null;
        }

        var (fingerprint, repeat) = await ExecuteAsync(transaction, full, cancellationToken).ConfigureAwait(false);
        if (repeat)
        {
            // The read found a name shared by two objects among those it printed again: how references print may
            // have changed anywhere, so everything is printed again.
            (fingerprint, _) = await ExecuteAsync(transaction, full: true, cancellationToken).ConfigureAwait(false);
        }

        await ReplanIfOutgrownAsync(fingerprint, transaction, cancellationToken).ConfigureAwait(false);
        return fingerprint;
    }

    public void Observe(string statementText)
    {
        if (PreparedStatements.MayBeGoneAfter(statementText))
        {
            // Without the kept state or after RESET ALL (which empties the triggers' record) a tracked read cannot
            // know what changed; a scanned one finds it in the catalogs.
            _stateMayBeGone = true;
            _preparedMayBeGone = true;
            _nextReadFull |= Method == FingerprintMethod.Tracked;
        }

        _nextReadFull |= Method == FingerprintMethod.Tracked && UntrackedChange().IsMatch(statementText);
    }

    /// <summary>The event triggers saw nothing of what a failed statement left behind; the catalogs' xmins show it.</summary>
    public void Invalidate() => _nextReadFull |= Method == FingerprintMethod.Tracked;

    public ValueTask DisposeAsync() => ForgetAsync();

    private async Task<(string Fingerprint, bool Repeat)> ExecuteAsync(NpgsqlTransaction? transaction, bool full, CancellationToken cancellationToken)
    {
        if (_read is null)
        {
            _read = new NpgsqlCommand($"SELECT * FROM pg_temp.{ReadFunction}($1)", _connection, transaction) { CommandTimeout = 0 };
            _read.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = false });
            await _read.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        _read.Transaction = transaction;
        ((NpgsqlParameter<bool>)_read.Parameters[0]).TypedValue = full;
        await using var reader = await _read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        FullReads += reader.GetBoolean(2) ? 1 : 0;
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    private string ReadFunction => Method == FingerprintMethod.Tracked ? "migrations_build_fingerprint_tracked" : "migrations_build_fingerprint_scanned";

    private string ReadScript => Method == FingerprintMethod.Tracked ? FingerprintScripts.Tracked : FingerprintScripts.Scanned;

    /// <summary>The state tables (IF NOT EXISTS: a new session, or after DISCARD TEMP) and the read functions.</summary>
    private async Task CreateStateAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = FingerprintScripts.Text(FingerprintScripts.State) + "\n;\n" + ReadFunctionsSql;
        await using var command = new NpgsqlCommand(sql, _connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _plannedForLines = 0;
    }

    private string ReadFunctionsSql => FingerprintScripts.Text(FingerprintScripts.Reread) + "\n;\n" + FingerprintScripts.Text(ReadScript);

    private async Task CreateStateIfMissingAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = "SELECT to_regclass('pg_temp.migrations_build_fingerprint_owner') IS NOT NULL"
            + " AND to_regclass('pg_temp.migrations_build_fingerprint_state') IS NOT NULL"
            + $" AND to_regprocedure('pg_temp.{ReadFunction}(boolean)') IS NOT NULL";
        await using (var present = new NpgsqlCommand(sql, _connection, transaction))
        {
            if ((bool)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return;
            }
        }

        await CreateStateAsync(transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scanned read's plan was made for the catalogs' size when it first ran (a fresh database: a few
    /// hundred rows, so nested loops and per-row scans). Once the schema has grown well past that, the read functions
    /// are made again (outside a transaction, which could take them back), so the next read plans them again. Planning
    /// costs about 250 ms, and a plan made for an empty database reads a 1,000-migration schema only ~15% slower, so
    /// only after the line count has grown fourfold and by at least 1,000 lines. The tracked read looks every object up
    /// by index, whatever the catalogs' size: it keeps its plan.</summary>
    private async Task ReplanIfOutgrownAsync(string fingerprint, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var lines = FingerprintScripts.LineCount(fingerprint);
        if (_plannedForLines == 0)
        {
            _plannedForLines = lines;
        }
        else if (Method == FingerprintMethod.Scanned && transaction is null && lines > 4 * _plannedForLines + 1000)
        {
            await using var command = new NpgsqlCommand(ReadFunctionsSql, _connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _plannedForLines = lines;
        }
    }

    private async ValueTask ForgetAsync()
    {
        if (_read is not null)
        {
            await _read.DisposeAsync().ConfigureAwait(false);
        }

        _read = null;
    }

    /// <summary>What changes the schema where the event triggers cannot see it: REINDEX CONCURRENTLY swaps in an index
    /// with a new OID, event triggers (and their comments) are outside what they report, and <c>event_triggers =
    /// off</c> (PostgreSQL 17) stops them.</summary>
    [GeneratedRegex(@"\bREINDEX\b|\bEVENT\s+TRIGGER\b|\bevent_triggers\b", RegexOptions.IgnoreCase)]
    private static partial Regex UntrackedChange();
}
