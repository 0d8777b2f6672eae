using System.Security;
using Migrations.Build.Providers;

namespace Migrations.Build.Cli;

/// <summary>The <see cref="ProviderRegistry"/> as the MSBuild properties the package's targets check
/// <c>MigrationsProvider</c> against (<c>build/Migrations.Build.Providers.props</c>, written when packing).</summary>
public static class ProviderListProps
{
    public static string Text()
    {
        var accepted = ProviderRegistry.All.SelectMany(p => p.AcceptedNames).Select(n => n.ToLowerInvariant());
        return $"""
            <Project>
              <!-- Generated from the engine's provider registry ('Migrations.Build providers' with its msbuild-props option)
                   when the package is packed: the names MigrationsProvider accepts, ignoring case. Do not edit. -->
              <PropertyGroup>
                <_MigrationsDefaultProvider>{Escape(ProviderRegistry.Default.Name)}</_MigrationsDefaultProvider>
                <_MigrationsAcceptedProviders>;{Escape(string.Join(";", accepted))};</_MigrationsAcceptedProviders>
                <_MigrationsProviderNames>{Escape(WordList.Or(ProviderRegistry.Names))}</_MigrationsProviderNames>
            {AddOnNames()}
              </PropertyGroup>
            </Project>

            """;
    }

    /// <summary>Per add-on engine, the names that choose it (<c>_MigrationsAddOnSqlServerNames</c>): the targets run the
    /// add-on's program for those names when its package is referenced.</summary>
    private static string AddOnNames() => string.Join(Environment.NewLine, ProviderRegistry.All
        .Where(p => p.AddOnPackage is not null)
        .Select(p => $"    <_MigrationsAddOn{p.Name}Names>;{Escape(string.Join(";", p.AcceptedNames.Select(n => n.ToLowerInvariant())))};</_MigrationsAddOn{p.Name}Names>"));

    private static string Escape(string text) => SecurityElement.Escape(text);
}
