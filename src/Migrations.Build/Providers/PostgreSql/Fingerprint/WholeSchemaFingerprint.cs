using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>The fingerprint that prints every user object's definition on each read: one prepared statement
/// (<c>Whole.sql</c>) that returns the line count and an md5 of the lines. Keeps nothing in the session.</summary>
internal sealed class WholeSchemaFingerprint(NpgsqlConnection connection) : ISchemaFingerprint
{
    private NpgsqlCommand? _command;
    private long _plannedForLines;
    private bool _preparedMayBeGone;

    public FingerprintMethod Method => FingerprintMethod.Whole;

    public async Task<string> ReadAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_preparedMayBeGone)
        {
            _preparedMayBeGone = false;
            await ForgetAsync().ConfigureAwait(false);
            await PreparedStatements.ForgetAllAsync(connection).ConfigureAwait(false);
        }

        if (_command is null)
        {
            _command = new NpgsqlCommand(FingerprintScripts.Text(FingerprintScripts.Whole), connection, transaction) { CommandTimeout = 0 };
            await _command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        _command.Transaction = transaction;
        var fingerprint = (string)(await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        // The plan fits the catalogs' size when it was prepared (a fresh database: nested loops, per-row scans); once
        // the schema has outgrown it, the next read prepares again.
        var lines = FingerprintScripts.LineCount(fingerprint);
        if (_plannedForLines == 0)
        {
            _plannedForLines = lines;
        }
        else if (lines > 2 * _plannedForLines + 100)
        {
            await _command.UnprepareAsync(cancellationToken).ConfigureAwait(false);
            await ForgetAsync().ConfigureAwait(false);
        }

        return fingerprint;
    }

    /// <summary>DISCARD ALL deallocates the prepared statement; nothing else here depends on a statement.</summary>
    public void Observe(string statementText) => _preparedMayBeGone |= PreparedStatements.MayBeGoneAfter(statementText);

    /// <summary>Nothing is kept between reads.</summary>
    public void Invalidate()
    {
    }

    public ValueTask DisposeAsync() => ForgetAsync();

    private async ValueTask ForgetAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync().ConfigureAwait(false);
        }

        _command = null;
        _plannedForLines = 0;
    }
}
