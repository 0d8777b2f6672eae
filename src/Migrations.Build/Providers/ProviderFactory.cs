namespace Migrations.Build.Providers;

/// <summary>Creates the provider a request names, from the <see cref="ProviderRegistry"/>.</summary>
public static class ProviderFactory
{
    /// <exception cref="ProviderSetupException">Unknown provider, bad connection string, unreachable server.</exception>
    public static async Task<IDatabaseProvider> CreateAsync(string name, string? connectionString, CancellationToken cancellationToken) =>
        await ProviderRegistry.Resolve(name).Create(connectionString, cancellationToken).ConfigureAwait(false);
}
