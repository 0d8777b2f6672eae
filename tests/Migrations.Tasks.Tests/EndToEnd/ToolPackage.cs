namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// Packs Migrations.Build.Tool once per test run, with the version of this run's Migrations.Build package, into the
/// same feed, and installs it as a person would (<c>dotnet tool install --tool-path … --add-source …</c>) with this
/// run's own package cache.
/// </summary>
internal static class ToolPackage
{
    private static readonly Lazy<string> Installed = new(InstallOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The installed <c>dotnet-migrations</c> command; packs and installs on first use.</summary>
    public static string Command => Installed.Value;

    public static string ToolDirectory => Path.Combine(PackageFeed.RunDirectory, "tools");

    /// <summary>Runs the installed command in <paramref name="workingDirectory"/> with output redirected (so: no colours).</summary>
    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory };
        if (DotnetRoot() is { Length: > 0 } root)
        {
            environment["DOTNET_ROOT"] = root;
        }

        return DotnetCommand.RunProgram(Command, workingDirectory, environment, arguments);
    }

    private static string InstallOnce()
    {
        var version = PackageFeed.Version;
        var pack = DotnetCommand.Run(
            PackageFeed.RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", Path.Combine(PackageFeed.RepositoryRoot, "src", "Migrations.Build.Tool"), "-c", "Release", "-o", PackageFeed.FeedDirectory, $"-p:Version={version}", "-nodeReuse:false");
        if (pack.ExitCode != 0 || !File.Exists(Path.Combine(PackageFeed.FeedDirectory, $"Migrations.Build.Tool.{version}.nupkg")))
        {
            throw new InvalidOperationException($"Packing Migrations.Build.Tool failed:{Environment.NewLine}{pack.Output}");
        }

        // Installed from a folder whose nuget.config knows only this run's feed: the tool must bring everything it needs.
        var installFolder = Path.Combine(PackageFeed.RunDirectory, "tool-install");
        Directory.CreateDirectory(installFolder);
        File.WriteAllText(Path.Combine(installFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var install = DotnetCommand.Run(
            installFolder,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory },
            "tool", "install", "--tool-path", ToolDirectory, "--add-source", PackageFeed.FeedDirectory, "Migrations.Build.Tool", "--version", version);
        var command = Path.Combine(ToolDirectory, OperatingSystem.IsWindows() ? "dotnet-migrations.exe" : "dotnet-migrations");
        if (install.ExitCode != 0 || !File.Exists(command))
        {
            throw new InvalidOperationException($"Installing Migrations.Build.Tool failed:{Environment.NewLine}{install.Output}");
        }

        return command;
    }

    /// <summary>Where the dotnet that runs the tests lives, for the tool's app host.</summary>
    private static string DotnetRoot()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate)!;
            }
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? string.Empty;
    }
}
