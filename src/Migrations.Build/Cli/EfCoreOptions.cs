using System.CommandLine;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Schema;

namespace Migrations.Build.Cli;

/// <summary>The <c>check</c> command's options for EF Core projects (<c>--source efcore</c> and the <c>--ef-*</c>
/// options the MSBuild targets pass), and the <see cref="EfCoreProject"/> they describe.</summary>
public sealed class EfCoreOptions
{
    public const string Synopsis = "[--source sql|efcore --ef-assembly DLL [--ef-project FILE] [--ef-project-dir DIR] [--ef-context NAME]... [--ef-sources FILE] [--ef-bridge DLL] [--ef-packages DIR]]";

    private readonly Option<string> _source = new("--source") { Description = "Where migrations come from: sql (a folder of SQL scripts, default) or efcore (an EF Core project, read through the EF bridge).", DefaultValueFactory = _ => "sql" };
    private readonly Option<string?> _assembly = new("--ef-assembly") { Description = "EF Core: the project's built assembly (its .deps.json and .runtimeconfig.json beside it)." };
    private readonly Option<string?> _project = new("--ef-project") { Description = "EF Core: the project file." };
    private readonly Option<string?> _projectDirectory = new("--ef-project-dir") { Description = "EF Core: the project folder (the bridge's working directory; default: the project file's folder, else the current one)." };
    private readonly Option<string[]> _contexts = new("--ef-context") { Description = "EF Core: a DbContext to check (repeatable; default: every context)." };
    private readonly Option<string?> _sources = new("--ef-sources") { Description = "EF Core: a file listing the project's C# files, one a line (default: every .cs file of the project folder)." };
    private readonly Option<string?> _bridge = new("--ef-bridge") { Description = "EF Core: the bridge (default: the one shipped with the engine)." };
    private readonly Option<string?> _packages = new("--ef-packages") { Description = "EF Core: the NuGet package folder, probed for the app's dependencies." };

    public EfCoreOptions() => _source.AcceptOnlyFromAmong("sql", "efcore");

    public IEnumerable<Option> All => [_source, _assembly, _project, _projectDirectory, _contexts, _sources, _bridge, _packages];

    /// <summary>The EF Core project, or null for SQL migrations; <paramref name="error"/> says what is missing.</summary>
    public EfCoreProject? Project(ParseResult parsed, out string? error)
    {
        error = null;
        if (parsed.GetValue(_source) != "efcore")
        {
            return null;
        }

        if (parsed.GetValue(_assembly) is not { Length: > 0 } assembly)
        {
            error = "--source efcore needs --ef-assembly: the project's built assembly.";
            return null;
        }

        var project = parsed.GetValue(_project) is { Length: > 0 } p ? Path.GetFullPath(p) : null;
        var directory = parsed.GetValue(_projectDirectory) is { Length: > 0 } d ? Path.GetFullPath(d)
            : project is not null ? Path.GetDirectoryName(project)!
            : Directory.GetCurrentDirectory();
        var sources = parsed.GetValue(_sources) is { Length: > 0 } list && File.Exists(list)
            ? File.ReadAllLines(list).Where(l => l.Trim().Length > 0).Select(l => Path.GetFullPath(l.Trim(), directory)).ToValueList()
            : ValueList<string>.Empty;
        return new EfCoreProject(Path.GetFullPath(assembly), directory)
        {
            ProjectFile = project,
            Contexts = (parsed.GetValue(_contexts) ?? []).Where(c => c.Length > 0).ToValueList(),
            SourceFiles = sources,
            BridgePath = parsed.GetValue(_bridge) is { Length: > 0 } b ? Path.GetFullPath(b) : null,
            PackageFolder = parsed.GetValue(_packages) is { Length: > 0 } n ? n : null,
        };
    }
}
