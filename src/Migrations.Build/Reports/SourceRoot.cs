using Migrations.Build.Checks;

namespace Migrations.Build.Reports;

/// <summary>The folder that report paths are relative to: the repository root, as code scanning and CI pages expect
/// (<c>src/App/Migrations/0002_add_leads.up.sql</c>, not a path relative to the project).</summary>
public static class SourceRoot
{
    /// <summary>The root the request names (<c>MigrationsRepositoryRoot</c>, <c>--repository-root</c>); else the
    /// nearest folder upwards from the project that holds <c>.git</c> (a folder, or a file in a worktree or
    /// submodule); else the project folder.</summary>
    public static string For(ValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.RepositoryRoot))
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.RepositoryRoot));
        }

        var project = ProjectDirectory(request);
        return NearestRepository(project) ?? project;
    }

    /// <summary>The folder of the project file when the request names one, else the folder holding the migrations folder.</summary>
    public static string ProjectDirectory(ValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ProjectFile is { Length: > 0 } project
            ? Path.GetDirectoryName(Path.GetFullPath(project))!
            : ReportPath.DefaultBaseDirectory(request.MigrationsDirectory);
    }

    /// <summary>The nearest folder from <paramref name="directory"/> upwards that holds <c>.git</c>, or null.</summary>
    public static string? NearestRepository(string directory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return Path.TrimEndingDirectorySeparator(folder.FullName);
            }
        }

        return null;
    }
}
