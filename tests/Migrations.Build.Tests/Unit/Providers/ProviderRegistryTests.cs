using System.Text.RegularExpressions;
using Migrations.Build.Cli;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Unit.Providers;

/// <summary>The provider registry is the one list of engines: names are unambiguous, every reader (the targets'
/// generated properties, the CLI help, docs/diagnostics.md) says the same, and a registration agrees with its provider.</summary>
[TestClass]
public sealed partial class ProviderRegistryTests
{
    private static IEnumerable<string> AcceptedNames => ProviderRegistry.All.SelectMany(p => p.AcceptedNames);

    [TestMethod]
    public void No_two_providers_share_a_name_or_alias_ignoring_case()
    {
        var names = AcceptedNames.Select(n => n.ToUpperInvariant()).ToList();

        CollectionAssert.AllItemsAreUnique(names);
    }

    [TestMethod]
    [DataRow("Sqlite", "Sqlite")]
    [DataRow("SQLITE", "Sqlite")]
    [DataRow("PostgreSql", "PostgreSql")]
    [DataRow("postgresql", "PostgreSql")]
    [DataRow("Postgres", "PostgreSql")]
    [DataRow("npgsql", "PostgreSql")]
    [DataRow("SqlServer", "SqlServer")]
    [DataRow("mssql", "SqlServer")]
    public void A_name_or_alias_finds_its_provider_in_any_case(string name, string expected) =>
        Assert.AreEqual(expected, ProviderRegistry.Find(name)?.Name);

    [TestMethod]
    [DataRow("Oracle")]
    [DataRow("SqlServerX")]
    [DataRow("")]
    public void An_unknown_name_is_MIG0003_listing_the_registered_names(string name)
    {
        var error = Assert.ThrowsExactly<ProviderSetupException>(() => ProviderRegistry.Resolve(name));

        Assert.AreEqual("MIG0003", error.Descriptor.Code);
        Assert.AreEqual($"Unknown provider '{name}'. Set MigrationsProvider (--provider) to one of: Sqlite, PostgreSql, SqlServer.", error.Message);
    }

    [TestMethod]
    public async Task The_SQLite_registration_agrees_with_the_provider_it_creates()
    {
        var registration = ProviderRegistry.Resolve("Sqlite");

        await using var provider = await registration.Create(null, CancellationToken.None);

        Assert.IsInstanceOfType<SqliteProvider>(provider);
        Assert.AreEqual(registration.DisplayName, provider.DisplayName);
        Assert.AreSame(registration.Dialect, provider.Dialect);
        Assert.AreSame(registration.Capabilities, provider.Capabilities);
    }

    [TestMethod]
    public async Task SQL_Server_without_its_add_on_is_MIG0030_naming_the_package_to_add()
    {
        var registration = ProviderRegistry.Resolve("SqlServer");

        var error = await Assert.ThrowsExactlyAsync<ProviderSetupException>(() => registration.Create("Server=nowhere", CancellationToken.None));

        Assert.AreEqual("Migrations.Build.SqlServer", registration.AddOnPackage);
        Assert.AreEqual("MIG0030", error.Descriptor.Code);
        Assert.AreEqual(
            "The SQL Server provider is in the add-on package Migrations.Build.SqlServer, which this project does not reference. "
            + "Add <PackageReference Include=\"Migrations.Build.SqlServer\" Version=\"…\" PrivateAssets=\"all\" /> next to Migrations.Build (the same version).",
            error.Message);
    }

    [TestMethod]
    public void The_targets_properties_accept_exactly_the_registered_names_and_aliases()
    {
        var props = ProviderListProps.Text();

        var accepted = Property(props, "_MigrationsAcceptedProviders").Split(';', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEquivalent(AcceptedNames.Select(n => n.ToLowerInvariant()).ToArray(), accepted);
        Assert.AreEqual(ProviderRegistry.Default.Name, Property(props, "_MigrationsDefaultProvider"));
        Assert.AreEqual("Sqlite, PostgreSql or SqlServer", Property(props, "_MigrationsProviderNames"));
        Assert.AreEqual(";sqlserver;mssql;", Property(props, "_MigrationsAddOnSqlServerNames"));
    }

    [TestMethod]
    public void The_CLI_synopsis_lists_the_registered_names() =>
        Assert.Contains($"[--provider {string.Join('|', ProviderRegistry.Names)}]", CheckCommand.Synopsis);

    [TestMethod]
    public void The_MIG0003_documentation_names_exactly_the_registered_names_and_aliases()
    {
        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        var start = documentation.IndexOf("## MIG0003:", StringComparison.Ordinal);
        var entry = documentation[start..documentation.IndexOf("```text", start, StringComparison.Ordinal)];
        var description = entry[entry.IndexOf("registered engines:", StringComparison.Ordinal)..entry.IndexOf("Case does not matter", StringComparison.Ordinal)];

        var documented = Code().Matches(description).Select(m => m.Groups["name"].Value).ToArray();

        CollectionAssert.AreEquivalent(AcceptedNames.ToArray(), documented);
    }

    private static string Property(string props, string name)
    {
        var match = Regex.Match(props, $"<{name}>(?<value>[^<]*)</{name}>");
        Assert.IsTrue(match.Success, $"{name} is missing from:\n{props}");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex("`(?<name>[^`]+)`")]
    private static partial Regex Code();
}
