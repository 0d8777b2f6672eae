namespace Migrations.Build.Reports;

/// <summary>Shows source paths in reports relative to a base directory (the project folder), with forward slashes.</summary>
internal static class ReportPath
{
    /// <summary>The path relative to <paramref name="baseDirectory"/> with forward slashes, or null when the file is
    /// outside it. A path that is already relative is taken as relative to the base directory.</summary>
    public static string? RelativeTo(string path, string baseDirectory)
    {
        if (!Path.IsPathRooted(path))
        {
            return ToForwardSlashes(path);
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), Path.GetFullPath(path));
        var outside = relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith(".." + Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
        return outside ? null : ToForwardSlashes(relative);
    }

    /// <summary>What a person reads: relative when under the base directory, otherwise the path as given.</summary>
    public static string ForDisplay(string path, string? baseDirectory) =>
        baseDirectory is not null && RelativeTo(path, baseDirectory) is { } relative ? relative : path;

    /// <summary>Where reports written next to a run point their paths: the folder holding the migrations folder,
    /// normally the project, so locations read like <c>Migrations/0002_add_leads.up.sql</c>.</summary>
    public static string DefaultBaseDirectory(string migrationsDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(migrationsDirectory));
        return Path.GetDirectoryName(full) ?? full;
    }

    private static string ToForwardSlashes(string path) =>
        path.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/');
}
