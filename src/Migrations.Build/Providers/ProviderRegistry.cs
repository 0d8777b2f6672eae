using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Providers;

/// <summary>The engines, registered in one place: the CLI's <c>--provider</c> and its help, the unknown-provider
/// error, the MSBuild targets' check of <c>MigrationsProvider</c> (generated from this list when the package is
/// packed) and <c>docs/diagnostics.md</c> all read or are tested against this list.</summary>
public static class ProviderRegistry
{
    /// <summary>Every registered engine; the first is the default.</summary>
    public static IReadOnlyList<ProviderRegistration> All { get; } =
    [
        new("Sqlite", [], "SQLite", SqliteSyntax.Dialect, SqliteCapabilities.Profile,
            (_, _) => Task.FromResult<IDatabaseProvider>(new SqliteProvider())),
        new("PostgreSql", ["Postgres", "Npgsql"], "PostgreSQL", PostgreSqlSyntax.Dialect, PostgreSqlCapabilities.Profile,
            async (connectionString, cancellationToken) => await PostgreSqlProvider.CreateAsync(connectionString, cancellationToken).ConfigureAwait(false)),
    ];

    /// <summary>The provider used when none is named.</summary>
    public static ProviderRegistration Default => All[0];

    /// <summary>The registered names, without aliases, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToList();

    /// <summary>The registration whose name or alias is <paramref name="name"/> (ignoring case), or null.</summary>
    public static ProviderRegistration? Find(string name) => All.FirstOrDefault(p => p.Accepts(name));

    /// <summary>The registration <paramref name="name"/> names.</summary>
    /// <exception cref="ProviderSetupException">MIG0003 when no provider has that name or alias.</exception>
    public static ProviderRegistration Resolve(string name) =>
        Find(name) ?? throw new ProviderSetupException(
            DiagnosticCodes.UnknownProvider,
            $"Unknown provider '{name}'. Set MigrationsProvider (--provider) to one of: {string.Join(", ", Names)}.");
}
