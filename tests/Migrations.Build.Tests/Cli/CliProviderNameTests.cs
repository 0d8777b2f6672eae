using Migrations.Build.Providers;

namespace Migrations.Build.Tests.Cli;

/// <summary><c>--provider</c> accepts exactly the registry's names and aliases, in any case, and <c>providers</c>
/// lists them.</summary>
[TestClass]
public sealed class CliProviderNameTests
{
    public static IEnumerable<object[]> AcceptedNames =>
        ProviderRegistry.All.SelectMany(p => p.AcceptedNames.SelectMany(n => new[] { n, n.ToUpperInvariant() }).Select(n => new object[] { n, p.Name }));

    [TestMethod]
    [DynamicData(nameof(AcceptedNames))]
    public async Task Every_registered_name_and_alias_is_accepted(string name, string provider)
    {
        using var workspace = new CliWorkspace("Healthy");

        // A connection string no provider can parse: a PostgreSQL provider stops at it (MIG0004) without a server, and
        // SQLite ignores it; an unknown name would be MIG0003.
        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", name, "--connection", "hots=nowhere");

        Assert.DoesNotContain("MIG0003", run.AllText, run.ToString());
        if (provider == "Sqlite")
        {
            Assert.AreEqual(0, run.ExitCode, run.ToString());
        }
        else if (ProviderRegistry.Resolve(provider).AddOnPackage is { } package)
        {
            // The engine alone knows the name and says which package brings the provider.
            Assert.Contains($"error MIG0030: The {ProviderRegistry.Resolve(provider).DisplayName} provider is in the add-on package {package}", run.AllText, run.ToString());
        }
        else
        {
            Assert.Contains("error MIG0004", run.AllText, run.ToString());
        }
    }

    [TestMethod]
    public async Task Providers_lists_each_registered_name_with_its_aliases()
    {
        var run = await EngineProcess.RunAsync("providers");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(
            new[] { "Sqlite      SQLite (default)", "PostgreSql  PostgreSQL; also accepted: Postgres, Npgsql", "SqlServer   SQL Server (add-on package Migrations.Build.SqlServer); also accepted: MSSQL" },
            run.Output.ToArray(),
            run.ToString());
    }
}
