using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The queries behind <see cref="PostgreSqlScratchDatabase.ReadFingerprintAsync"/>: the line count and a hash
/// of every user object's definition (<c>SchemaFingerprint.sql</c>), read again only for the objects that changed since
/// the previous read; what that read found is kept in temporary tables (<c>SchemaFingerprintState.sql</c>).</summary>
/// <remarks>The state lives in the session, not in this process, so ROLLBACK and ROLLBACK TO SAVEPOINT (ours or a
/// migration's own) restore it together with the catalogs it describes.</remarks>
internal static partial class SchemaFingerprint
{
    private static readonly Lazy<string> Query = new(() => Load("SchemaFingerprint.sql"));
    private static readonly Lazy<string> State = new(() => Load("SchemaFingerprintState.sql"));

    /// <summary>The statements that create the session's state tables (idempotent: IF NOT EXISTS).</summary>
    public static string StateSql => State.Value;

    /// <summary>The fingerprint query; <paramref name="full"/> reads every object again, ignoring the kept state.</summary>
    public static string Sql(bool full) => Query.Value.Replace("FULL_READ", full ? "true" : "false", StringComparison.Ordinal);

    /// <summary>A prepared command for this connection. The query has no parameters, so the server plans it once, for
    /// the catalogs' size at that moment (see <see cref="PostgreSqlScratchDatabase"/> for planning it again).</summary>
    public static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool full, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Sql(full), connection, transaction) { CommandTimeout = 0 };
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return command;
    }

    /// <summary>Creates the state tables when they are missing (a new session, or after DISCARD TEMP).</summary>
    public static async Task CreateStateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StateSql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a statement may drop this session's temporary tables (DISCARD, DROP OWNED, anything naming
    /// pg_temp or the state tables): the next read then creates them again if needed.</summary>
    public static bool MayDropState(string statementText) => DropsTemporaryObjects().IsMatch(statementText);

    [GeneratedRegex(@"\b(DISCARD|DROP\s+OWNED)\b|pg_temp|migrations_build_fingerprint", RegexOptions.IgnoreCase)]
    private static partial Regex DropsTemporaryObjects();

    /// <summary>The line count a fingerprint starts with (both fingerprints print it first): how big the schema is.</summary>
    public static long LineCount(string fingerprint) =>
        long.Parse(fingerprint.AsSpan(0, fingerprint.IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    internal static string Load(string name)
    {
        var assembly = typeof(SchemaFingerprint).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(".PostgreSql." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
