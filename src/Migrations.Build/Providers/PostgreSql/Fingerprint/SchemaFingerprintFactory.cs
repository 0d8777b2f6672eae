using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>Creates a scratch database's fingerprint and decides its method: tracked where the role may install event
/// triggers, else scanned for a long history and whole for a short one.</summary>
internal static class SchemaFingerprintFactory
{
    /// <summary>Without event triggers, the scanned fingerprint pays from about this many migrations on (measured:
    /// scanning the catalogs costs more than reading everything at 200, less at 1,000).</summary>
    internal const int ScannedFrom = 500;

    /// <summary>The fingerprint a database reads until it knows its history: every object on each read.</summary>
    public static ISchemaFingerprint Initial(NpgsqlConnection connection) => new WholeSchemaFingerprint(connection);

    /// <summary>The incremental fingerprint for a history of <paramref name="migrations"/>, or null where reading every
    /// object costs less; outside any transaction, before the first read (the triggers and state tables created here
    /// would go with a rollback).</summary>
    /// <param name="tracking">Whether the event triggers of <see cref="DdlTracking"/> are in place (installed by the
    /// engine's own role, which may be another than the connection's).</param>
    public static async Task<ISchemaFingerprint?> ForHistoryAsync(NpgsqlConnection connection, bool tracking, int migrations, CancellationToken cancellationToken)
    {
        if (tracking)
        {
            return await IncrementalSchemaFingerprint.CreateAsync(connection, FingerprintMethod.Tracked, cancellationToken).ConfigureAwait(false);
        }

        return migrations >= ScannedFrom
            ? await IncrementalSchemaFingerprint.CreateAsync(connection, FingerprintMethod.Scanned, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>A fingerprint of the given method (tests choose one); for <see cref="FingerprintMethod.Tracked"/> the event
    /// triggers must be in place (<see cref="DdlTracking.InstallAsync"/>).</summary>
    public static async Task<ISchemaFingerprint> CreateAsync(NpgsqlConnection connection, FingerprintMethod method, CancellationToken cancellationToken) =>
        method == FingerprintMethod.Whole
            ? Initial(connection)
            : await IncrementalSchemaFingerprint.CreateAsync(connection, method, cancellationToken).ConfigureAwait(false);
}
