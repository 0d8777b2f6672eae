using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// The README's "Add it to a project" section, followed word for word in a new console project: its nuget.config
/// (with the feed folder this run packed into), its PackageReference (the version it names must be the one
/// <c>dotnet pack</c> gives), and a build that checks a migration.
/// </summary>
[TestClass]
public sealed partial class InstallSnippetTests
{
    private const string FeedPlaceholder = "/path/to/migrations-build-feed";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_readme_install_snippet_works_in_a_new_project()
    {
        var section = ReadmeSection("## Add it to a project");
        var blocks = XmlBlocks().Matches(section).Select(m => m.Groups[1].Value).ToList();
        var nugetConfig = blocks.Single(b => b.Contains("<packageSources>", StringComparison.Ordinal));
        var reference = blocks.Single(b => b.Contains("<PackageReference Include=\"Migrations.Build\"", StringComparison.Ordinal));
        StringAssert.Contains(nugetConfig, FeedPlaceholder, "the test puts this run's feed where the README names the folder");
        StringAssert.Contains(reference, $"Version=\"{PackageFeed.Version}\"", "the README names the version a plain dotnet pack gives");

        var root = Path.Combine(PackageFeed.RunDirectory, TestContext.TestName!);
        Directory.CreateDirectory(root);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory };
        var created = DotnetCommand.Run(root, environment, "new", "console", "-o", "App", "--no-restore");
        Assert.AreEqual(0, created.ExitCode, created.Output);

        var app = Path.Combine(root, "App");
        File.WriteAllText(Path.Combine(app, "nuget.config"), nugetConfig.Replace(FeedPlaceholder, PackageFeed.FeedDirectory, StringComparison.Ordinal));
        var project = Path.Combine(app, "App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", reference + "\n</Project>", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(app, "Migrations"));
        File.WriteAllText(Path.Combine(app, "Migrations", "0001_create_users.up.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        File.WriteAllText(Path.Combine(app, "Migrations", "0001_create_users.down.sql"), "DROP TABLE users;\n");

        var built = DotnetCommand.Run(app, environment, "build", "-nodeReuse:false", "-tl:off");

        Assert.AreEqual(0, built.ExitCode, built.Output);
        StringAssert.Contains(built.Output, "Migrations: 1 migration on SQLite — upgrade ok", built.Output);
        StringAssert.Contains(built.Output, "downgrades 1/1 proven", built.Output);
    }

    [TestMethod]
    public void The_engine_prints_the_package_version()
    {
        var engine = Path.Combine(PackageFeed.PackagesDirectory, "migrations.build", PackageFeed.Version.ToLowerInvariant(), "tools", "net8.0", "Migrations.Build.dll");
        if (!File.Exists(engine))
        {
            // The package is restored into this run's cache by the first build that uses it.
            var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
            var restored = sample.Build();
            Assert.AreEqual(0, restored.ExitCode, restored.ToString());
        }

        var run = DotnetCommand.Run(PackageFeed.RunDirectory, new Dictionary<string, string>(), engine, "--version");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual(PackageFeed.Version, run.Output.Trim());
    }

    private static string ReadmeSection(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, $"README.md has no section '{heading}'");
        var end = readme.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [GeneratedRegex("```xml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex XmlBlocks();
}
