namespace Migrations.EfBridge;

/// <summary>The bridge's command line: <c>--assembly App.dll --output export.json [--project-dir DIR] [--project
/// App.csproj] [--root-namespace NS] [--context NAME]...</c>.</summary>
internal sealed record BridgeArguments(string Assembly, string Output, string ProjectDirectory, string? Project, string? RootNamespace, IReadOnlyList<string> Contexts)
{
    public const string Usage = "usage: Migrations.EfBridge --assembly App.dll --output export.json [--project-dir DIR] [--project FILE] [--root-namespace NS] [--context NAME]...";

    /// <summary>Parses the arguments; null when a required one is missing or one is unknown.</summary>
    public static BridgeArguments? Parse(IReadOnlyList<string> args)
    {
        string? assembly = null, output = null, projectDirectory = null, project = null, rootNamespace = null;
        var contexts = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--assembly": assembly = value; break;
                case "--output": output = value; break;
                case "--project-dir": projectDirectory = value; break;
                case "--project": project = value; break;
                case "--root-namespace": rootNamespace = value; break;
                case "--context": contexts.Add(value); break;
                default: return null;
            }
        }

        if (args.Count % 2 != 0 || assembly is null || output is null)
        {
            return null;
        }

        return new BridgeArguments(
            Path.GetFullPath(assembly),
            Path.GetFullPath(output),
            Path.GetFullPath(projectDirectory ?? Directory.GetCurrentDirectory()),
            project,
            rootNamespace,
            contexts);
    }
}
