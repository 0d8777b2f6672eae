using Migrations.Build.Diagnostics;

namespace Migrations.Build.Tool;

/// <summary>Finds the project whose settings the tool reads: the file given, or the one project file in the folder
/// given (the current folder by default), as <c>dotnet build</c> and <c>dotnet ef</c> do.</summary>
internal static class ProjectLocator
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static string Find(string? path, string currentDirectory)
    {
        var full = Path.GetFullPath(path ?? ".", currentDirectory);
        if (File.Exists(full))
        {
            return full;
        }

        if (!Directory.Exists(full))
        {
            throw new ToolProblem(new Diagnostic(DiagnosticCodes.ProjectNotFound, $"'{full}' is neither a project file nor a folder. Give the project with --project PATH."));
        }

        var projects = Directory.EnumerateFiles(full)
            .Where(file => ProjectExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new ToolProblem(new Diagnostic(DiagnosticCodes.ProjectNotFound, $"No project file in '{full}'. Run dotnet migrations in the project's folder, or give it with --project PATH.")),
            _ => throw new ToolProblem(new Diagnostic(DiagnosticCodes.ProjectNotFound, $"Several project files in '{full}' ({string.Join(", ", projects.Select(Path.GetFileName))}). Choose one with --project PATH.")),
        };
    }
}
