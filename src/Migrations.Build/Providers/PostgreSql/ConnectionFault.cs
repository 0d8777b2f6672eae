using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Tells a server that went away (stopped, crashed, restarted, the network broke) from a statement the server
/// rejected: the first is MIG0011 for the whole check, the second a finding at the statement.</summary>
internal static class ConnectionFault
{
    /// <summary>The exception in <paramref name="exception"/>'s chain that says the connection is gone, or null.</summary>
    public static Exception? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException npgsql && IsConnectionFault(npgsql))
            {
                return current;
            }

            if (current is IOException or System.Net.Sockets.SocketException or EndOfStreamException)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>What happened, in the server's words where it said something (<c>terminating connection due to
    /// administrator command (57P01)</c>), else the network's (Npgsql's own wrapper message says only that it failed).</summary>
    public static string Reason(Exception cause) => cause switch
    {
        PostgresException server => ServerErrorReport.Describe(server),
        NpgsqlException { InnerException: { } inner } => inner.Message,
        _ => cause.Message,
    };

    /// <summary>True unless the server answered with an error of the statement itself: a network failure (no SQL
    /// state), <c>57P01</c>–<c>57P05</c> (shutdown, crash, terminated session) or class <c>08</c> (connection).</summary>
    public static bool IsConnectionFault(NpgsqlException exception) => exception is not PostgresException and not NpgsqlOperationInProgressException
        || exception is PostgresException server && (server.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || server.SqlState.StartsWith("08", StringComparison.Ordinal));
}
