using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Providers;

/// <summary>Creates the provider a request names.</summary>
public static class ProviderFactory
{
    public static IReadOnlyList<string> Names { get; } = ["Sqlite", "PostgreSql"];

    /// <exception cref="ProviderSetupException">Unknown provider, bad connection string, unreachable server.</exception>
    public static async Task<IDatabaseProvider> CreateAsync(string name, string? connectionString, CancellationToken cancellationToken)
    {
        return name.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteProvider(),
            "postgresql" or "postgres" or "npgsql" => await PostgreSqlProvider.CreateAsync(connectionString, cancellationToken),
            _ => throw new ProviderSetupException(
                DiagnosticCodes.UnknownProvider,
                $"Unknown provider '{name}'. Set MigrationsProvider (--provider) to one of: {string.Join(", ", Names)}."),
        };
    }
}
