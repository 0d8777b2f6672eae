using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>
/// A sample copied into a folder of its own, with the samples' Directory.Build.props and a nuget.config that points
/// at this run's feed; built with the real <c>dotnet build</c>.
/// </summary>
internal sealed partial class SampleCopy
{
    private static readonly string[] SharedSampleFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private SampleCopy(string root, string sample)
    {
        Root = root;
        Sample = sample;
    }

    /// <summary>The folder that holds the copied sample(s), nuget.config and the samples' Directory.*.props.</summary>
    public string Root { get; }

    public string Sample { get; }

    /// <summary>Environment variables of this copy's builds (beyond the isolation every build gets).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public string ProjectDirectory => Path.Combine(Root, Sample);

    public string ProjectFile => Path.Combine(ProjectDirectory, Sample + ".csproj");

    /// <summary>Copies <paramref name="sample"/> into a new folder named after the test; Migrations.Build restores from this run's feed only.</summary>
    public static SampleCopy Create(string sample, string testName)
    {
        var root = Path.Combine(PackageFeed.RunDirectory, testName);
        Directory.CreateDirectory(root);
        foreach (var file in SharedSampleFiles)
        {
            File.Copy(Path.Combine(PackageFeed.SamplesDirectory, file), Path.Combine(root, file));
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{PackageFeed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="e2e">
                  <package pattern="Migrations.Build" />
                  <package pattern="Migrations.Build.SqlServer" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var copy = new SampleCopy(root, sample);
        copy.AddSample(sample);
        return copy;
    }

    /// <summary>Copies one more sample next to the first (for builds of several projects).</summary>
    public void AddSample(string sample) => CopyDirectory(Path.Combine(PackageFeed.SamplesDirectory, sample), Path.Combine(Root, sample));

    /// <summary>Builds the first sample's project with extra properties or switches.</summary>
    public BuildResult Build(params string[] properties) => BuildTarget(ProjectFile, properties);

    /// <summary>Builds <paramref name="target"/> (a project or solution file) with extra arguments, with the console logger.</summary>
    public BuildResult BuildTarget(string target, params string[] arguments) => BuildWithLogger(target, "-tl:off", arguments);

    /// <summary>Builds <paramref name="target"/> with a logger switch of its own (<c>-tl:on</c> forces the terminal logger).</summary>
    public BuildResult BuildWithLogger(string target, string loggerSwitch, params string[] arguments)
    {
        var errorLog = Path.Combine(Root, $"errors-{Guid.NewGuid():N}.log");
        string[] common =
        [
            "build", target, "-nodeReuse:false", loggerSwitch, $"-p:MigrationsBuildVersion={PackageFeed.Version}",
            $"-flp:errorsonly;logfile={errorLog}",
        ];
        var environment = new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory };
        var result = DotnetCommand.Run(Root, environment, [.. common, .. arguments]);
        var errors = File.Exists(errorLog) ? File.ReadAllLines(errorLog).Where(l => l.Length > 0).Select(WithoutNodePrefix).ToArray() : [];
        return new BuildResult(result.ExitCode, result.Output, errors);
    }

    /// <summary>A parallel build prefixes each logged line with its node and project ids (<c>1:7&gt;</c>).</summary>
    private static string WithoutNodePrefix(string line) => NodePrefix().Replace(line, "");

    [GeneratedRegex(@"^\s*\d+(:\d+)?>")]
    private static partial Regex NodePrefix();

    public string PathOf(string relativePath) => Path.Combine(ProjectDirectory, relativePath);

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>A build's exit code, its console output, and its errors exactly as MSBuild's file logger wrote them.</summary>
internal sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Errors)
{
    /// <summary>The lines that carry a Migrations.Build code (MIGnnnn), errors and warnings, each once.</summary>
    public IReadOnlyList<string> MigrationErrors => Errors.Where(l => l.Contains(": error MIG", StringComparison.Ordinal)).ToArray();

    /// <summary>For assertion messages: the exit code, the errors and the end of the output (a full log is huge).</summary>
    public override string ToString()
    {
        const int tail = 4000;
        var output = Output.Length > tail ? "…" + Output[^tail..] : Output;
        return $"exit code {ExitCode}{Environment.NewLine}errors:{Environment.NewLine}{string.Join(Environment.NewLine, Errors)}{Environment.NewLine}output:{Environment.NewLine}{output}";
    }
}
