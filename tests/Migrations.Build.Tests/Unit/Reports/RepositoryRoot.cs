namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>Finds the repository's source tree from the test's output folder.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder that holds <c>Migrations.Build.sln</c>, found by walking up from the test's base directory.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Migrations.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Migrations.Build.sln above {AppContext.BaseDirectory}.");
    }
}
