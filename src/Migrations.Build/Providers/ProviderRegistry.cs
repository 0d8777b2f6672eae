using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Providers.SqlServer;

namespace Migrations.Build.Providers;

/// <summary>The engines, registered in one place: the CLI's <c>--provider</c> and its help, the unknown-provider
/// error, the MSBuild targets' check of <c>MigrationsProvider</c> (generated from this list when the package is
/// packed) and <c>docs/diagnostics.md</c> all read or are tested against this list.</summary>
public static class ProviderRegistry
{
    /// <summary>Every registered engine; the first is the default.</summary>
    public static IReadOnlyList<ProviderRegistration> All => Registrations;

    // An add-on's program replaces its entry once, before the command line is parsed (Plug).
    private static readonly ProviderRegistration[] Registrations =
    [
        new("Sqlite", [], "SQLite", SqliteSyntax.Dialect, SqliteCapabilities.Profile,
            (_, _) => Task.FromResult<IDatabaseProvider>(new SqliteProvider())),
        new("PostgreSql", ["Postgres", "Npgsql"], "PostgreSQL", PostgreSqlSyntax.Dialect, PostgreSqlCapabilities.Profile,
            async (connectionString, cancellationToken) => await PostgreSqlProvider.CreateAsync(connectionString, cancellationToken).ConfigureAwait(false)),
        AddOn(new("SqlServer", ["MSSQL"], "SQL Server", SqlServerSyntax.Dialect, SqlServerCapabilities.Profile, null!), "Migrations.Build.SqlServer"),
    ];

    /// <summary>The provider used when none is named.</summary>
    public static ProviderRegistration Default => All[0];

    /// <summary>The registered names, without aliases, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToList();

    /// <summary>Gives the add-on entry <paramref name="name"/> its implementation: called by the add-on's own program
    /// (which references this engine) before it runs the engine's <see cref="Cli.Program"/>.</summary>
    public static void Plug(
        string name,
        Func<string?, CancellationToken, Task<IDatabaseProvider>> create,
        Func<ValidationRequest, Action<string>?, CancellationToken, Task<ValidationResult>>? run)
    {
        var index = Array.FindIndex(Registrations, p => p.Name == name && p.AddOnPackage is not null);
        if (index < 0)
        {
            throw new ArgumentException($"No add-on provider is registered as '{name}'.", nameof(name));
        }

        Registrations[index] = Registrations[index] with { Create = create, Run = run };
    }

    /// <summary>The registration whose name or alias is <paramref name="name"/> (ignoring case), or null.</summary>
    public static ProviderRegistration? Find(string name) => All.FirstOrDefault(p => p.Accepts(name));

    /// <summary>The registration <paramref name="name"/> names.</summary>
    /// <exception cref="ProviderSetupException">MIG0003 when no provider has that name or alias.</exception>
    public static ProviderRegistration Resolve(string name) =>
        Find(name) ?? throw new ProviderSetupException(
            DiagnosticCodes.UnknownProvider,
            $"Unknown provider '{name}'. Set MigrationsProvider (--provider) to one of: {string.Join(", ", Names)}.");

    /// <summary>An entry whose implementation is in <paramref name="package"/>: until that package's program plugs it in,
    /// choosing it is MIG0030, saying which package to add.</summary>
    private static ProviderRegistration AddOn(ProviderRegistration registration, string package)
    {
        var missing = new ProviderSetupException(
            DiagnosticCodes.AddOnNotReferenced,
            $"The {registration.DisplayName} provider is in the add-on package {package}, which this project does not reference. "
            + $"Add <PackageReference Include=\"{package}\" Version=\"…\" PrivateAssets=\"all\" /> next to Migrations.Build (the same version).");
        return registration with
        {
            AddOnPackage = package,
            Create = (_, _) => Task.FromException<IDatabaseProvider>(missing),
            Run = (request, _, _) => Task.FromException<ValidationResult>(missing),
        };
    }
}
