using Migrations.Tasks.Tests.EndToEnd;

namespace Migrations.Tasks.Tests.Targets;

/// <summary>A project that imports the targets from this repository's source (not from a package) and runs the task and
/// the engine built next to these tests, built with the real <c>dotnet build</c>.</summary>
/// <remarks>What the package would do, without packing: a change to the targets or the task is tried in seconds, and the
/// task and engine that run are the assemblies of this test folder (so the test run's coverage counts them).</remarks>
internal sealed class SourceTargetsProject
{
    private SourceTargetsProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "App.csproj");

    public static string TaskAssembly => Path.Combine(AppContext.BaseDirectory, "Migrations.Tasks.dll");

    public static string Engine => Path.Combine(AppContext.BaseDirectory, "Migrations.Build.dll");

    /// <summary>A new project in a folder named after the test, with the migrations (and model) of a sample, and
    /// <paramref name="extraXml"/> (property groups, item groups) in its body.</summary>
    public static SourceTargetsProject FromSample(string sample, string testName, string extraXml = "")
    {
        var directory = Path.Combine(PackageFeed.RunDirectory, "source-targets", testName);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        var source = Path.Combine(PackageFeed.SamplesDirectory, sample);
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(source, "Migrations")))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "Migrations"));
            File.Copy(file, Path.Combine(directory, "Migrations", Path.GetFileName(file)));
        }

        if (File.Exists(Path.Combine(source, "schema.sql")))
        {
            File.Copy(Path.Combine(source, "schema.sql"), Path.Combine(directory, "schema.sql"));
        }

        var build = BuildFolder.Value;
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $"""
            <Project>
              <PropertyGroup>
                <MigrationsTaskAssembly>{TaskAssembly}</MigrationsTaskAssembly>
                <MigrationsEnginePath>{Engine}</MigrationsEnginePath>
              </PropertyGroup>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{Path.Combine(build, "Migrations.Build.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              {extraXml}
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{Path.Combine(build, "Migrations.Build.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Library.cs"), "namespace App;\n\npublic static class Library;\n");
        return new SourceTargetsProject(directory);
    }

    /// <summary>The package's build/ folder as packing makes it: the source props and targets, and the provider list
    /// that packing writes from the engine's registry (asked of this test folder's engine, as packing asks its own).</summary>
    private static readonly Lazy<string> BuildFolder = new(() =>
    {
        var folder = Path.Combine(PackageFeed.RunDirectory, "source-targets", "build");
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(PackageFeed.RepositoryRoot, "src", "Migrations.Tasks", "build")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var providers = Path.Combine(folder, "Migrations.Build.Providers.props");
        var written = DotnetCommand.Run(folder, new Dictionary<string, string>(), Engine, "providers", "--msbuild-props", providers);
        Assert.AreEqual(0, written.ExitCode, $"the engine did not write the provider list: {written.Output}");
        return folder;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Starts the same build and returns at once, to act on it while it runs.</summary>
    public RunningBuild StartBuild() => RunningBuild.Start(Directory, ["build", ProjectFile, "-nodeReuse:false", "-tl:off", "-v:m"]);

    /// <summary>Builds with the console logger at minimal verbosity (what CI shows) and extra arguments.</summary>
    public CommandResult Build(params string[] arguments) =>
        DotnetCommand.Run(Directory, new Dictionary<string, string>(), ["build", ProjectFile, "-nodeReuse:false", "-tl:off", "-v:m", .. arguments]);
}
