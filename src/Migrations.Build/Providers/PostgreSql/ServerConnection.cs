using Migrations.Build.Diagnostics;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Parses a user's connection string and connects to the server, turning every failure into a
/// <see cref="ProviderSetupException"/> whose message names host, port and user but never the password.</summary>
internal static partial class ServerConnection
{
    private const int DefaultTimeoutSeconds = 15;

    /// <summary>The database connected to when the connection string names none.</summary>
    public const string MaintenanceDatabase = "postgres";

    /// <summary>The keys a misspelt one is most likely meant to be, for MIG0004's suggestion.</summary>
    private static readonly string[] KnownKeys =
    [
        "Host", "Port", "Database", "Username", "Password", "Passfile", "Timeout", "Command Timeout", "SSL Mode", "Trust Server Certificate",
        "Search Path", "Application Name", "Pooling", "Keepalive", "Include Error Detail", "Options", "Target Session Attributes",
    ];

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(settings.Host))
            {
                throw new ArgumentException("It names no Host.");
            }

            // Without Database= Npgsql (like libpq) connects to a database named after the user, which often does not
            // exist; the engine only needs a database to connect to in order to create its own, so it takes the
            // maintenance database every server has.
            if (string.IsNullOrEmpty(settings.Database))
            {
                settings.Database = MaintenanceDatabase;
            }

            if (settings.Port is < 1 or > 65535)
            {
                throw new ArgumentException("the value of Port is not a TCP port (1 to 65535).");
            }

            if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            {
                settings.Timeout = DefaultTimeoutSeconds;
            }

            if (!connectionString.Contains("cancellation", StringComparison.OrdinalIgnoreCase))
            {
                // -1: a cancelled command sends the server its cancel request and breaks the connection without
                // waiting for the answer (the engine drops what it made either way). Waiting is a synchronous socket
                // read inside the cancel, which with inline socket completions can wait for the very thread it holds:
                // measured with Npgsql's default (2 s), a Ctrl+C during a long statement took 15 s (the connect
                // timeout) to end the run; with 300 ms most took 0.1 s but 1 of 30 still 30 s; with -1, 0.1 s.
                settings.CancellationTimeout = -1;
            }

            return settings;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // KeyNotFoundException: Npgsql's parser throws it for some unknown keys (e.g. "not a connection string=;;").
            // Npgsql's own message quotes what it refused, which may be a password: only our description is printed.
            var reason = exception is ArgumentException { Message: "It names no Host." or "the value of Port is not a TCP port (1 to 65535)." }
                ? exception.Message
                : ConnectionStringFault.Describe(connectionString, "Npgsql", () => new NpgsqlConnectionStringBuilder(), KnownKeys);
            throw new ProviderSetupException(
                DiagnosticCodes.InvalidConnectionString,
                $"The PostgreSQL connection string is not valid: {reason} Expected key=value pairs separated by ';', e.g. Host=localhost;Port=5432;Username=me;Password=...;Database=postgres.",
                inner: null);
        }
    }

    /// <summary>Opens a pooled data source on the server and checks that it answers; returns it with the server version
    /// and whether its scratch databases may track DDL (<see cref="Fingerprint.DdlTracking.MayTrack"/>).</summary>
    public static async Task<(NpgsqlDataSource Server, Version Version, bool MayTrack)> OpenAsync(NpgsqlConnectionStringBuilder settings, CancellationToken cancellationToken)
    {
        var server = NpgsqlDataSource.Create(settings.ConnectionString);
        try
        {
            await using var connection = await server.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return (server, connection.PostgreSqlVersion, Fingerprint.DdlTracking.MayTrack(connection));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            var reason = exception is PostgresException postgres ? ServerErrorReport.Describe(postgres) : exception.Message;
            if (exception.InnerException is { } inner && exception is not PostgresException)
            {
                reason += " " + inner.Message;
            }

            var where = $"{settings.Host}:{settings.Port}" + (string.IsNullOrEmpty(settings.Username) ? string.Empty : $" as {settings.Username}");
            throw new ProviderSetupException(
                DiagnosticCodes.ServerUnreachable,
                $"Cannot connect to the PostgreSQL server at {where}: {reason}",
                inner: null);
        }
    }
}
