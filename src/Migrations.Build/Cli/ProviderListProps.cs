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
              </PropertyGroup>
            </Project>

            """;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
