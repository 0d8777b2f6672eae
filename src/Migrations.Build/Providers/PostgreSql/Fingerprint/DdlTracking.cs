using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>The event triggers of the tracked fingerprint (<c>Tracking.sql</c>): who may install them, and installing
/// them.</summary>
internal static class DdlTracking
{
    /// <summary>Whether the connection may install the event triggers: its role is a superuser (as the server reports
    /// it, also after SET ROLE) on a server that has what the tracked read uses (PostgreSQL 12 or later:
    /// <c>plan_cache_mode</c>, which plans its function once).</summary>
    public static bool MayTrack(NpgsqlConnection connection) =>
        connection.PostgreSqlVersion.Major >= 12
        && connection.PostgresParameters.TryGetValue("is_superuser", out var superuser) && superuser == "on";

    /// <summary>Installs the event triggers where the connection <see cref="MayTrack"/>; returns whether it did.
    /// Outside any transaction, before the first read; in one transaction of its own, so it is all there or not at
    /// all.</summary>
    public static async Task<bool> InstallAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!MayTrack(connection))
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var install = new NpgsqlCommand(FingerprintScripts.Text(FingerprintScripts.Tracking), connection, transaction) { CommandTimeout = 0 };
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
}
