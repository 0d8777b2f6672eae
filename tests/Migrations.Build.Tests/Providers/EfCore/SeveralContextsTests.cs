using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Migrations.EfCore;

namespace Migrations.Build.Tests.Providers.EfCore;

/// <summary>An EF Core app with two DbContexts (TestData/EfCore/TwoContextsApp: NotesContext with Migrations/Notes,
/// TagsContext with Migrations/Tags), built with the real <c>dotnet build</c> on EF Core 10 and SQLite: each context's
/// history is checked on its own, and a finding points at its own context's migration.</summary>
[TestClass]
public sealed class SeveralContextsTests
{
    private static readonly string[] EfCore10 = ["-p:EfCoreVersion=10.0.15"];

    [TestMethod]
    public async Task Each_context_s_history_is_checked_on_its_own_and_named_in_the_summary()
    {
        using var app = EfTestAppBuild.Create("TwoContextsApp", "net10.0", EfCore10);

        var result = await Check(app, app.Project);

        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEquivalent(new[] { "20240101000000", "20240201000000" }, result.Migrations.Select(m => m.Version.ToString()).ToArray());
        var downgrades = result.Checks.Where(c => c.Check == "downgrade").Select(c => c.Summary).ToArray();
        CollectionAssert.AreEquivalent(new[] { "NotesContext: downgrades 1/1 proven", "TagsContext: downgrades 1/1 proven" }, downgrades);
    }

    [TestMethod]
    public async Task MigrationsEfContext_checks_only_the_context_it_names()
    {
        using var app = EfTestAppBuild.Create("TwoContextsApp", "net10.0", EfCore10);

        var result = await Check(app, app.Project with { Contexts = ["TagsContext"] });

        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        Assert.AreEqual("CreateTags", result.Migrations.Single().Name);
        Assert.AreEqual("downgrades 1/1 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task A_broken_down_in_one_context_is_reported_at_that_context_s_migration_only()
    {
        using var app = EfTestAppBuild.Create("TwoContextsApp", "net10.0", [.. EfCore10, "-p:BrokenTagsDown=true"]);

        var result = await Check(app, app.Project);

        var migration = Path.Combine(app.Directory, "Migrations", "Tags", "20240201000000_CreateTags.cs");
        CollectionAssert.AreEqual(
            new[] { $"{migration}(30,29): error MIG4002: The down of 20240201000000_CreateTags leaves table TagLinks behind: it did not exist before the up." },
            result.Diagnostics.Select(d => d.ToString()).ToArray(),
            string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEquivalent(
            new[] { "NotesContext: downgrades 1/1 proven", "TagsContext: downgrades 0/1 proven" },
            result.Checks.Where(c => c.Check == "downgrade").Select(c => c.Summary).ToArray());
    }

    private static Task<ValidationResult> Check(EfTestAppBuild app, EfCoreProject project) =>
        CheckComposition.RunAsync(new ValidationRequest(Path.Combine(app.Directory, "Migrations")) { EfCore = project }, progress: null, CancellationToken.None);
}
