namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary><c>MigrationsProvider</c> accepts exactly the names the engine's provider registry lists (its
/// <c>providers</c> command), aliases and any case included, as the engine's <c>--provider</c> does.</summary>
[TestClass]
public sealed class ProviderNameTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Every_name_the_engine_lists_is_accepted_by_the_build()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var first = sample.Build();
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var listed = ListedProviders();
        CollectionAssert.Contains(listed.Keys.ToArray(), "Postgres", "the registry lists the alias the CLI has always accepted");

        foreach (var (name, provider) in listed.Append(new("SQLITE", "Sqlite")).Append(new("POSTGRES", "PostgreSql")))
        {
            // A connection string no provider can parse: PostgreSQL stops at it (MIG0004) without a server, SQLite
            // ignores it; a name the targets did not accept would be MIG0003.
            var result = sample.Build($"-p:MigrationsProvider={name}", "-p:MigrationsConnectionString=hots=nowhere");

            Assert.IsFalse(result.Errors.Any(e => e.Contains("MIG0003", StringComparison.Ordinal)), $"{name}: {result}");
            if (provider == "Sqlite")
            {
                Assert.AreEqual(0, result.ExitCode, $"{name}: {result}");
            }
            else if (provider == "SqlServer")
            {
                // Accepted by the targets; without the add-on package the engine says which package to add.
                Assert.IsTrue(result.MigrationErrors.Any(e => e.Contains("error MIG0030", StringComparison.Ordinal)), $"{name}: {result}");
            }
            else
            {
                Assert.IsTrue(result.MigrationErrors.Any(e => e.Contains("error MIG0004", StringComparison.Ordinal)), $"{name}: {result}");
            }
        }
    }

    /// <summary>Each accepted name mapped to its provider's name, as the packed engine's <c>providers</c> lists them
    /// (<c>PostgreSql  PostgreSQL; also accepted: Postgres, Npgsql</c>).</summary>
    private static Dictionary<string, string> ListedProviders()
    {
        var engine = Path.Combine(PackageFeed.PackagesDirectory, "migrations.build", PackageFeed.Version.ToLowerInvariant(), "tools", "net8.0", "Migrations.Build.dll");
        var run = DotnetCommand.Run(PackageFeed.RunDirectory, new Dictionary<string, string>(), engine, "providers");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        var names = new Dictionary<string, string>();
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = line.Split(' ')[0];
            names[name] = name;
            var also = line.IndexOf("also accepted: ", StringComparison.Ordinal);
            foreach (var alias in also < 0 ? [] : line[(also + "also accepted: ".Length)..].Split(", "))
            {
                names[alias] = name;
            }
        }

        return names;
    }
}
