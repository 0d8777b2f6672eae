using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The role migrations and model scripts run as on the engine's own clusters (temporary and warm): it may
/// log in and owns each scratch database (and so its public schema), nothing more — no superuser, no CREATEDB, no
/// CREATEROLE — so what the statement scanner cannot see (SQL put together at run time) still cannot reach the
/// server's files, programs, roles or other databases. The engine keeps the superuser for what is its own: creating
/// and dropping databases, the fingerprint's event triggers, and the setup script.</summary>
internal static class RunnerRole
{
    public const string Name = "migrations_build_runner";

    // Created once per cluster; its attributes are set again on every start, in case anything changed them (the warm
    // cluster outlives a check). Two checks starting at once may both create it: the loser's duplicate is fine.
    private const string EnsureSql =
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '" + Name + "') THEN CREATE ROLE " + Name + " LOGIN; END IF; END $$;" +
        "ALTER ROLE " + Name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1 PASSWORD NULL";

    /// <summary>Creates the role on the cluster if it is missing and makes sure it has no privilege beyond logging in.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource server, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var command = server.CreateCommand(EnsureSql);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException exception) when (attempt == 0 && exception.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Another check created it between our test and our CREATE ROLE: once more, it exists now.
            }
        }
    }
}
