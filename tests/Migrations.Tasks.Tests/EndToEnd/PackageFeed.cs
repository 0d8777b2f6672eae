namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// Packs Migrations.Build once per test run, with a version of its own, into a temporary feed. The builds restore it
/// into a package cache of this run (never the user's global cache), so a stale package can never be tested.
/// </summary>
[TestClass]
public static class PackageFeed
{
    public static string Version { get; private set; } = "";

    /// <summary>The folder of this run: the feed, the package cache and one folder per test.</summary>
    public static string RunDirectory { get; private set; } = "";

    public static string FeedDirectory => Path.Combine(RunDirectory, "feed");

    public static string PackagesDirectory => Path.Combine(RunDirectory, "packages");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    [AssemblyInitialize]
    public static void Pack(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        RunDirectory = Path.Combine(Path.GetTempPath(), "migrations-build-e2e", Version);
        Directory.CreateDirectory(FeedDirectory);

        var result = DotnetCommand.Run(
            RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", Path.Combine(RepositoryRoot, "src", "Migrations.Tasks"), "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}", "-nodeReuse:false");
        Assert.AreEqual(0, result.ExitCode, $"Packing Migrations.Build failed:{Environment.NewLine}{result.Output}");
        Assert.IsTrue(File.Exists(Path.Combine(FeedDirectory, $"Migrations.Build.{Version}.nupkg")), result.Output);
    }

    [AssemblyCleanup]
    public static void DeleteRunDirectory()
    {
        // Kept on failure would be nicer, but MSTest does not say here whether anything failed; keep it when asked.
        if (RunDirectory.Length > 0 && Environment.GetEnvironmentVariable("MIGRATIONS_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(RunDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A build node may still hold a file for a moment; the folder is under the temp directory anyway.
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Migrations.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Migrations.Build.sln above {AppContext.BaseDirectory}.");
    }
}
