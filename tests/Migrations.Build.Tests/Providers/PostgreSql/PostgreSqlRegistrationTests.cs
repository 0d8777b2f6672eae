using Migrations.Build.Providers;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>The registry's entry for PostgreSQL says what the provider itself says (the registry is read before any
/// provider exists: scripts are split with its dialect, and --help lists its names).</summary>
[TestClass]
public sealed class PostgreSqlRegistrationTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();

    [TestMethod]
    public void The_PostgreSQL_registration_agrees_with_the_provider()
    {
        var registration = ProviderRegistry.Resolve("PostgreSql");

        Assert.AreEqual(registration.DisplayName, Provider.DisplayName);
        Assert.AreSame(registration.Dialect, Provider.Dialect);
        Assert.AreSame(registration.Capabilities, Provider.Capabilities);
    }
}
