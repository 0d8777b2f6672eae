using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>Where the reports place a diagnostic: its own location, or, for one that belongs to no file (a wrong
/// setting, an unreachable server), the project file, so that code scanning and CI pages show it too.</summary>
internal static class FindingPlace
{
    /// <summary>The diagnostic's location; else line 1 of the project file (the MSBuild task names it); else the
    /// migrations folder (a CLI run without <c>--project-file</c>).</summary>
    public static SourceLocation Of(Diagnostic diagnostic, ValidationRequest request) =>
        diagnostic.Location ?? new SourceLocation(request.ProjectFile is { Length: > 0 } project ? project : request.MigrationsDirectory);

    /// <summary>The path as reports show it: relative to <paramref name="sourceRoot"/> with forward slashes, or the
    /// full path of a file outside it.</summary>
    public static string DisplayPath(SourceLocation location, string? sourceRoot) =>
        sourceRoot is not null && ReportPath.RelativeTo(location.Path, sourceRoot) is { } relative
            ? relative
            : location.Path.Replace('\\', '/');
}
