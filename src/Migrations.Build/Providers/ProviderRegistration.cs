using Migrations.Build.Checks;
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
    /// <summary>The package that carries this engine when it is not part of the engine itself (e.g.
    /// <c>Migrations.Build.SqlServer</c>), or null. Its name is listed here all the same, so that every reader of the
    /// registry knows it; the add-on's own program plugs the implementation in (<see cref="ProviderRegistry.Plug"/>).</summary>
    public string? AddOnPackage { get; init; }

    /// <summary>Runs a whole check its own way, or null: the engine's <see cref="CheckRunner"/> on a provider made by
    /// <see cref="Create"/>. An add-on uses it to check what it can without a server (and to say what it could not).</summary>
    public Func<ValidationRequest, Action<string>?, CancellationToken, Task<ValidationResult>>? Run { get; init; }

    /// <summary>The name and every alias.</summary>
    public IEnumerable<string> AcceptedNames => [Name, .. Aliases];

    public bool Accepts(string name) => AcceptedNames.Any(accepted => accepted.Equals(name, StringComparison.OrdinalIgnoreCase));
}
