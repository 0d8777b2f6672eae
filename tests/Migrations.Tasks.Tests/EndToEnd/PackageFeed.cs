namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// The Migrations.Build package the end-to-end tests build with: the one <c>scripts/test.sh</c> packed before the tests
/// (its folder in MIGRATIONS_E2E_FEED), else packed once per test run on first use (so unit tests alone do not pack).
/// The builds restore it into a package cache of this run (never the user's global cache), so a stale package of the
/// same version can never be tested.
/// </summary>
internal static class PackageFeed
{
    private static readonly Lazy<string> Packed = new(PackOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> PackedSqlServer = new(PackSqlServerOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The version of this run with the SQL Server add-on (Migrations.Build.SqlServer) packed too; packs both
    /// on first use (the add-on only for the tests that build a SQL Server sample).</summary>
    public static string VersionWithSqlServer => PackedSqlServer.Value;

    /// <summary>The version packed for this run; packs on first use.</summary>
    public static string Version => Packed.Value;

    /// <summary>The folder of this run: the feed, the package cache and one folder per test.</summary>
    public static string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "migrations-build-e2e", $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}");

    public static string FeedDirectory { get; } = Environment.GetEnvironmentVariable(GivenFeedVariable) is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.Combine(RunDirectory, "feed");

    private const string GivenFeedVariable = "MIGRATIONS_E2E_FEED";

    public static string PackagesDirectory => Path.Combine(RunDirectory, "packages");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    /// <summary>Deletes this run's folder unless MIGRATIONS_E2E_KEEP=1 (to look at a failed build).</summary>
    public static void DeleteRunDirectory()
    {
        if (Environment.GetEnvironmentVariable("MIGRATIONS_E2E_KEEP") == "1" || !Directory.Exists(RunDirectory))
        {
            return;
        }

        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file for a moment; the folder is under the temp directory anyway.
        }
    }

    private static string PackOnce()
    {
        if (Environment.GetEnvironmentVariable(GivenFeedVariable) is { Length: > 0 })
        {
            return VersionIn(FeedDirectory)
                ?? throw new InvalidOperationException($"{GivenFeedVariable}={FeedDirectory} holds no single Migrations.Build package.");
        }

        // The version a plain `dotnet pack` gives, the one the README's install snippet names.
        Directory.CreateDirectory(FeedDirectory);
        var result = DotnetCommand.Run(
            RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", Path.Combine(RepositoryRoot, "src", "Migrations.Tasks"), "-c", "Release", "-o", FeedDirectory, "-nodeReuse:false");
        return result.ExitCode == 0 && VersionIn(FeedDirectory) is { } version
            ? version
            : throw new InvalidOperationException($"Packing Migrations.Build failed:{Environment.NewLine}{result.Output}");
    }

    /// <summary>The version of the one Migrations.Build package in <paramref name="feed"/>, from its file name.</summary>
    private static string? VersionIn(string feed)
    {
        const string Prefix = "Migrations.Build.";
        var versions = Directory.Exists(feed)
            ? Directory.GetFiles(feed, Prefix + "*.nupkg")
                .Select(Path.GetFileNameWithoutExtension)
                .Select(name => name![Prefix.Length..])
                .Where(version => char.IsAsciiDigit(version[0]))
                .ToList()
            : [];
        return versions.Count == 1 ? versions[0] : null;
    }

    private static string PackSqlServerOnce()
    {
        var version = Version;
        var result = DotnetCommand.Run(
            RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", Path.Combine(RepositoryRoot, "src", "Migrations.Build.SqlServer"), "-c", "Release", "-o", FeedDirectory, $"-p:Version={version}", "-nodeReuse:false");
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(FeedDirectory, $"Migrations.Build.SqlServer.{version}.nupkg")))
        {
            throw new InvalidOperationException($"Packing Migrations.Build.SqlServer failed:{Environment.NewLine}{result.Output}");
        }

        return version;
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
