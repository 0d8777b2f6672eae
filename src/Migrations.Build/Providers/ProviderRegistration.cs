using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Providers;

/// <summary>One engine the checks can run on, as the <see cref="ProviderRegistry"/> lists it.</summary>
/// <param name="Name">The name to set (<c>MigrationsProvider</c>, <c>--provider</c>), e.g. <c>PostgreSql</c>.</param>
/// <param name="Aliases">Other names accepted for it, e.g. <c>Postgres</c>; names are matched ignoring case.</param>
/// <param name="DisplayName">How messages name the engine, e.g. <c>PostgreSQL</c>.</param>
/// <param name="Dialect">How the engine reads scripts, known before a provider is created (scripts are split first).</param>
/// <param name="Capabilities">What the engine cannot reflect reliably.</param>
/// <param name="Create">Creates the provider for a connection string (null or empty: the provider's own default).</param>
public sealed record ProviderRegistration(
    string Name,
    ValueList<string> Aliases,
    string DisplayName,
    SqlDialect Dialect,
    CapabilityProfile Capabilities,
    Func<string?, CancellationToken, Task<IDatabaseProvider>> Create)
{
    /// <summary>The name and every alias.</summary>
    public IEnumerable<string> AcceptedNames => [Name, .. Aliases];

    public bool Accepts(string name) => AcceptedNames.Any(accepted => accepted.Equals(name, StringComparison.OrdinalIgnoreCase));
}
