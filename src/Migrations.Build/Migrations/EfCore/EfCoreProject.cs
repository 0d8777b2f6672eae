using Migrations.Build.Schema;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>An EF Core project to read migrations and the model from, through the EF bridge.</summary>
/// <param name="Assembly">The project's built assembly (its <c>.deps.json</c> and <c>.runtimeconfig.json</c> beside it).</param>
/// <param name="ProjectDirectory">The project's folder: the bridge's working directory, as for <c>dotnet ef</c>.</param>
public sealed record EfCoreProject(string Assembly, string ProjectDirectory)
{
    /// <summary>The DbContexts to check (short or full type names); empty: every context EF finds.</summary>
    public ValueList<string> Contexts { get; init; } = ValueList<string>.Empty;

    /// <summary>The project's C# files (its Compile items), where migrations and entities are looked up; empty: every
    /// <c>.cs</c> file under the project folder outside bin/ and obj/.</summary>
    public ValueList<string> SourceFiles { get; init; } = ValueList<string>.Empty;

    /// <summary>The bridge (<c>Migrations.EfBridge.dll</c>); null: the one shipped beside the engine.</summary>
    public string? BridgePath { get; init; }

    /// <summary>The NuGet package folder, probed for the app's dependencies that the build did not copy (as <c>dotnet ef</c>
    /// passes <c>--additionalprobingpath</c>); null: none.</summary>
    public string? PackageFolder { get; init; }

    /// <summary>The project file, given to EF's design-time services.</summary>
    public string? ProjectFile { get; init; }

    /// <summary>The bridge shipped with the engine: <c>tools/efbridge/</c> beside <c>tools/net8.0/</c> and
    /// <c>tools/linux-x64/</c> in the package, or beside the engine in a build of the repository.</summary>
    public string ResolvedBridgePath()
    {
        if (BridgePath is { Length: > 0 } given)
        {
            return given;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "Migrations.EfBridge.dll");
        return File.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "efbridge", "Migrations.EfBridge.dll"));
    }
}
