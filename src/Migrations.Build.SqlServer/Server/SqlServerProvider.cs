using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Schema;

namespace Migrations.Build.SqlServer.Server;

/// <summary>SQL Server as the checks' engine: a server given by a connection string, on which each scratch database
/// is created under a unique name (<see cref="ScratchDatabaseName"/>), checked with <c>DB_NAME()</c> before any DDL,
/// and dropped afterwards; databases a killed run left behind are swept when the provider starts.</summary>
public sealed partial class SqlServerProvider : IDatabaseProvider
{
    private readonly SqlConnectionStringBuilder _server;

    private SqlServerProvider(SqlConnectionStringBuilder server)
    {
        _server = server;
    }

    public string DisplayName => Registration.DisplayName;

    public SqlDialect Dialect => Registration.Dialect;

    public CapabilityProfile Capabilities => Registration.Capabilities;

    /// <summary>Each scratch database is its own set of server sessions.</summary>
    public bool ScalesWithParallelDatabases => true;

    /// <summary>The keys a misspelt one is most likely meant to be, for MIG0004's suggestion.</summary>
    private static readonly string[] KnownKeys =
        ["Server", "Data Source", "Database", "Initial Catalog", "User ID", "Password", "Integrated Security", "Encrypt", "Trust Server Certificate", "Connect Timeout"];

    private static ProviderRegistration Registration => ProviderRegistry.Resolve("SqlServer");

    /// <exception cref="ProviderSetupException">MIG0004 for a connection string SqlClient cannot parse, MIG0005 for a
    /// server that cannot be reached.</exception>
    public static async Task<IDatabaseProvider> CreateAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ProviderSetupException(DiagnosticCodes.InvalidConnectionString, "SQL Server needs a connection string: set MigrationsConnectionString.");
        }

        SqlConnectionStringBuilder server;
        try
        {
            server = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false, ApplicationName = "Migrations.Build" };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // SqlClient's message quotes what it refused, which may be a password: only our description is printed.
            var reason = ConnectionStringFault.Describe(connectionString, "SqlClient", () => new SqlConnectionStringBuilder(), KnownKeys);
            throw new ProviderSetupException(DiagnosticCodes.InvalidConnectionString, $"The connection string is not valid: {reason}");
        }

        try
        {
            await using var connection = new SqlConnection(server.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ScratchDatabaseSweeper.SweepAsync(connection, DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
        }
        catch (SqlException e)
        {
            throw new ProviderSetupException(DiagnosticCodes.ServerUnreachable, $"The SQL Server in MigrationsConnectionString cannot be reached: {e.Message}", e);
        }

        return new SqlServerProvider(server);
    }

    public async Task<IScratchDatabase> CreateScratchDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = ScratchDatabaseName.New(DateTime.UtcNow);
        await using (var master = new SqlConnection(_server.ConnectionString))
        {
            await master.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new SqlCommand($"CREATE DATABASE {ScratchDatabaseSweeper.Quote(name)}", master);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SqlServerScratchDatabase.OpenAsync(new SqlConnectionStringBuilder(_server.ConnectionString) { InitialCatalog = name }, name, Drop, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Drop(name).ConfigureAwait(false);
            throw;
        }
    }

    public DatabaseSchema Normalize(DatabaseSchema schema) => SqlServerNormalizer.Normalize(schema);

    public bool RequiresNoTransaction(SqlStatement statement) => OutsideTransaction().IsMatch(statement.Text);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Drops a scratch database, also when the run was cancelled: it runs on its own, uncancelled.</summary>
    private async Task Drop(string name)
    {
        await using var master = new SqlConnection(_server.ConnectionString);
        await master.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await ScratchDatabaseSweeper.DropAsync(master, name, CancellationToken.None).ConfigureAwait(false);
    }

    // Statements SQL Server refuses inside a user transaction (and those that manage transactions themselves).
    [GeneratedRegex(@"^\s*(?:(?:CREATE|ALTER|DROP)\s+(?:DATABASE|FULLTEXT\s+(?:CATALOG|INDEX))|BACKUP|RESTORE|RECONFIGURE|BEGIN\s+TRAN|COMMIT|ROLLBACK|SAVE\s+TRAN)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex OutsideTransaction();
}
