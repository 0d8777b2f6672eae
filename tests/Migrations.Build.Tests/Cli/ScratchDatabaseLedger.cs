using Migrations.Build.Providers.PostgreSql;
using Npgsql;

namespace Migrations.Build.Tests.Cli;

/// <summary>Reads a server's scratch databases (<c>migrations_build_%</c>) and what each name says of its owner, so a
/// test can tell one engine process's databases from those of the runs beside it.</summary>
internal static class ScratchDatabaseLedger
{
    /// <summary>The scratch databases on the server whose name records process <paramref name="processId"/> of this host.</summary>
    public static async Task<IReadOnlyList<string>> OwnedByAsync(string connectionString, int processId)
    {
        var owned = new List<string>();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'migrations_build_%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (ScratchDatabaseName.TryParse(name, out _, out var owner) && owner is { IsOnThisHost: true } && owner.ProcessId == processId)
            {
                owned.Add(name);
            }
        }

        return owned;
    }

    /// <summary>Waits until a session of process <paramref name="processId"/>'s scratch databases runs a statement that
    /// matches <paramref name="query"/> (a LIKE pattern), e.g. a migration's <c>pg_sleep</c>: the moment to cancel, by
    /// construction rather than by timing.</summary>
    public static async Task<bool> WaitForStatementAsync(string connectionString, int processId, string query, Func<bool> gaveUp, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        while (connection.State != System.Data.ConnectionState.Open)
        {
            try
            {
                await connection.OpenAsync();
            }
            catch (NpgsqlException) when (clock.Elapsed < timeout && !gaveUp())
            {
                await Task.Delay(100); // a server still starting
            }
        }

        while (clock.Elapsed < timeout && !gaveUp())
        {
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_stat_activity WHERE query LIKE $1 AND state = 'active' AND datname LIKE 'migrations_build_%'", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = query });
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    if (ScratchDatabaseName.TryParse(reader.GetString(0), out _, out var owner) && owner?.ProcessId == processId)
                    {
                        return true;
                    }
                }
            }

            await Task.Delay(20);
        }

        return false;
    }
}
