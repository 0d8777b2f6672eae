using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The queries behind <see cref="PostgreSqlScratchDatabase.ReadFingerprintAsync"/>: the line count and a hash
/// of every user object's definition, read again only for the objects that changed since the previous read; what that
/// read found is kept in temporary tables (<c>SchemaFingerprintState.sql</c>). Which objects changed is found either by
/// scanning the catalogs' xmins (<c>SchemaFingerprint.sql</c>) or, where the session may install event triggers, from
/// the DDL commands they recorded (<c>SchemaFingerprintTracked.sql</c>, <c>SchemaFingerprintTracking.sql</c>).</summary>
/// <remarks>The state lives in the session, not in this process, so ROLLBACK and ROLLBACK TO SAVEPOINT (ours or a
/// migration's own) restore it together with the catalogs it describes.</remarks>
internal static partial class SchemaFingerprint
{
    private static readonly Lazy<string> Query = new(() => Load("SchemaFingerprint.sql"));
    private static readonly Lazy<string> TrackedQuery = new(() => Load("SchemaFingerprintTracked.sql"));
    private static readonly Lazy<string> State = new(() => Load("SchemaFingerprintState.sql"));
    private static readonly Lazy<string> Tracking = new(() => Load("SchemaFingerprintTracking.sql"));

    /// <summary>The statements that create the session's state tables (idempotent: IF NOT EXISTS).</summary>
    public static string StateSql => State.Value;

    /// <summary>The fingerprint query of <paramref name="method"/> (Scanned or Tracked); <paramref name="full"/> reads
    /// every object again, ignoring the kept state.</summary>
    public static string Sql(FingerprintMethod method, bool full)
    {
        var tracked = method == FingerprintMethod.Tracked;
        return (tracked ? TrackedQuery : Query).Value
            .Replace("FULL_READ", full ? "true" : "false", StringComparison.Ordinal)
            .Replace("SEED_PARTS", tracked ? "true" : "false", StringComparison.Ordinal)
            .Replace("READS_ALL", full || !tracked ? "true" : "false", StringComparison.Ordinal);
    }

    /// <summary>A prepared command for this connection. The query has no parameters, so the server plans it once, for
    /// the catalogs' size at that moment (see <see cref="PostgreSqlScratchDatabase"/> for planning it again). The
    /// tracked statements run inside the session's functions (<see cref="CreateStateAsync"/>).</summary>
    public static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, FingerprintMethod method, bool full, CancellationToken cancellationToken)
    {
        var sql = method == FingerprintMethod.Tracked ? $"SELECT * FROM pg_temp.{TrackedReader(full)}()" : Sql(method, full);
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return command;
    }

    private static string TrackedReader(bool full) => full ? "migrations_build_fingerprint_full_read" : "migrations_build_fingerprint_read";

    /// <summary>The tracked statements as functions of the session that plan them with nested loops over index lookups
    /// only. The plan is made once, at the first read of an empty database, when a sequential scan of a catalog costs
    /// nothing; reads then look objects up one by one in catalogs that grow with every migration (measured on the
    /// 200-migration workload: 15% faster, a tenth of the reads twice as fast).</summary>
    private static string TrackedReaderSql(bool full) => $"""
        CREATE OR REPLACE FUNCTION pg_temp.{TrackedReader(full)}()
        RETURNS TABLE (fingerprint_text text, repeat_read boolean, full_read boolean)
        LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $read$
        BEGIN
        RETURN QUERY
        {Sql(FingerprintMethod.Tracked, full)};
        END
        $read$;
        """;

    /// <summary>Whether the connection may install the event triggers: its role is a superuser (as the server reports
    /// it, also after SET ROLE) on a server that has what they use (PostgreSQL 11 or later).</summary>
    public static bool MayTrack(NpgsqlConnection connection) =>
        connection.PostgreSqlVersion.Major >= 11
        && connection.PostgresParameters.TryGetValue("is_superuser", out var superuser) && superuser == "on";

    /// <summary>Installs the event triggers that record which objects DDL commands touch where the connection
    /// <see cref="MayTrack"/>; returns whether it did. Outside any transaction, before the first read; in one
    /// transaction of its own, so it is all there or not at all.</summary>
    public static async Task<bool> InstallTrackingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!MayTrack(connection))
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var install = new NpgsqlCommand(Tracking.Value, connection, transaction) { CommandTimeout = 0 };
        try
        {
            await install.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException)
        {
            // Not allowed after all (a managed server's restricted superuser): the scratch database reads without it.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Creates the state tables (IF NOT EXISTS: a new session, or after DISCARD TEMP), and with
    /// <see cref="FingerprintMethod.Tracked"/> the functions that read the tracked fingerprint.</summary>
    public static async Task CreateStateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, FingerprintMethod method, CancellationToken cancellationToken)
    {
        var sql = method == FingerprintMethod.Tracked ? StateSql + TrackedReaderSql(full: false) + ";\n" + TrackedReaderSql(full: true) : StateSql;
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <see cref="CreateStateAsync"/> when the state tables or the read functions are missing.</summary>
    public static async Task CreateStateIfMissingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, FingerprintMethod method, CancellationToken cancellationToken)
    {
        var tracked = method == FingerprintMethod.Tracked;
        var sql = "SELECT to_regclass('pg_temp.migrations_build_fingerprint_owner') IS NOT NULL"
            + " AND to_regclass('pg_temp.migrations_build_fingerprint_state') IS NOT NULL"
            + (tracked ? $" AND to_regprocedure('pg_temp.{TrackedReader(full: false)}()') IS NOT NULL" : string.Empty);
        await using (var present = new NpgsqlCommand(sql, connection, transaction))
        {
            if ((bool)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return;
            }
        }

        await CreateStateAsync(connection, transaction, method, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a statement changes the schema where the event triggers cannot see it: REINDEX CONCURRENTLY
    /// swaps in an index with a new OID, event triggers (and their comments) are outside what they report, and
    /// <c>event_triggers = off</c> (PostgreSQL 17) stops them. The next read is a full read.</summary>
    public static bool EscapesTracking(string statementText) => UntrackedChange().IsMatch(statementText);

    [GeneratedRegex(@"\bREINDEX\b|\bEVENT\s+TRIGGER\b|\bevent_triggers\b", RegexOptions.IgnoreCase)]
    private static partial Regex UntrackedChange();

    /// <summary>Whether a statement may drop this session's temporary tables or reset its settings (DISCARD, DROP OWNED,
    /// RESET ALL, anything naming pg_temp or this fingerprint's objects): the next read then creates the tables again
    /// if needed and reads every object.</summary>
    public static bool MayDropState(string statementText) => DropsTemporaryObjects().IsMatch(statementText);

    [GeneratedRegex(@"\b(DISCARD|DROP\s+OWNED|RESET\s+ALL)\b|pg_temp|migrations_build", RegexOptions.IgnoreCase)]
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
        return IncludeLine().Replace(reader.ReadToEnd(), include => Load(include.Groups[1].Value));
    }

    // The fingerprint statements share their opening and closing parts: "-- include: File.sql" on a line of its own.
    [GeneratedRegex(@"^-- include: (\S+\.sql)\r?$", RegexOptions.Multiline)]
    private static partial Regex IncludeLine();
}
