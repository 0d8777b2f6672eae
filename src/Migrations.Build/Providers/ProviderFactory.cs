using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Providers;

/// <summary>Creates the provider a request names.</summary>
public static class ProviderFactory
{
    public static IReadOnlyList<string> Names { get; } = ["Sqlite"];

    /// <exception cref="ProviderSetupException">Unknown provider, bad connection string, unreachable server.</exception>
    public static Task<IDatabaseProvider> CreateAsync(string name, string? connectionString, CancellationToken cancellationToken)
    {
        _ = connectionString;
        _ = cancellationToken;
        return name.ToLowerInvariant() switch
        {
            "sqlite" => Task.FromResult<IDatabaseProvider>(new SqliteProvider()),
            _ => throw new ProviderSetupException(
                DiagnosticCodes.UnknownProvider,
                $"Unknown provider '{name}'. Set MigrationsProvider (--provider) to one of: {string.Join(", ", Names)}."),
        };
    }
}
