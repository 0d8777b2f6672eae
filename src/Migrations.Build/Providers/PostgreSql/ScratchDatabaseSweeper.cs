using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Drops scratch databases that earlier runs left behind (a killed build cannot clean up after itself).</summary>
/// <remarks>Only names made by <see cref="ScratchDatabaseName"/> are dropped: at once when their owner ran on this host
/// and is gone (<see cref="OwnerProcess"/>), otherwise (another host, or a name without an owner) once older than
/// <see cref="StaleAfter"/>. So the databases of a build running at the same moment on the same server are left alone:
/// its process is alive here, or its host is another and it is younger than that.</remarks>
internal static class ScratchDatabaseSweeper
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Returns the names it dropped; a database it may not drop (another user's) is skipped.</summary>
    public static async Task<IReadOnlyList<string>> SweepAsync(NpgsqlDataSource server, Version serverVersion, DateTime utcNow, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await using (var command = server.CreateCommand("SELECT datname FROM pg_database WHERE datname LIKE 'migrations\\_build\\_%'"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                if (IsOrphan(name, utcNow))
                {
                    stale.Add(name);
                }
            }
        }

        var dropped = new List<string>();
        foreach (var name in stale)
        {
            try
            {
                await DropAsync(server, serverVersion, name, cancellationToken).ConfigureAwait(false);
                dropped.Add(name);
            }
            catch (PostgresException)
            {
                // Not ours to drop (owned by another role) or already gone: not worth failing the build for.
            }
        }

        return dropped;
    }

    /// <summary>True for a scratch database whose owner is gone: dead on this host, or past the age rule elsewhere.</summary>
    public static bool IsOrphan(string name, DateTime utcNow) =>
        ScratchDatabaseName.TryParse(name, out var created, out var owner)
        && (owner is { IsOnThisHost: true } ? !owner.IsAlive : utcNow - created > StaleAfter);

    /// <summary>Drops a database even while connections to it are open.</summary>
    public static async Task DropAsync(NpgsqlDataSource server, Version serverVersion, string name, CancellationToken cancellationToken)
    {
        var quoted = QuoteIdentifier(name);
        await WaitForBackendsToExitAsync(server, name, cancellationToken).ConfigureAwait(false);
        if (serverVersion.Major >= 13)
        {
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (var terminate = server.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1"))
        {
            terminate.Parameters.Add(new NpgsqlParameter { Value = name });
            await terminate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var dropOld = server.CreateCommand($"DROP DATABASE IF EXISTS {quoted}");
        await dropOld.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A closed connection's server process takes a moment to exit, and DROP DATABASE, finding it still there,
    /// waits in steps of 100 ms (CountOtherDBBackends): a third of a 200-migration check went to three such waits. So
    /// the drop waits here, polling every few milliseconds, for up to a quarter of a second (then FORCE, or on servers
    /// before 13 pg_terminate_backend, ends what is left).</summary>
    private static async Task WaitForBackendsToExitAsync(NpgsqlDataSource server, string name, CancellationToken cancellationToken)
    {
        await using var connected = server.CreateCommand("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE datname = $1)");
        connected.Parameters.Add(new NpgsqlParameter { Value = name });
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while ((bool)(await connected.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! && waiting.ElapsedMilliseconds < 250)
        {
            await Task.Delay(2, cancellationToken).ConfigureAwait(false);
        }
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
