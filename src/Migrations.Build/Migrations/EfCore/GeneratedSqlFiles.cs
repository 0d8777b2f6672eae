using System.Text;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>Writes what the checks ran for an EF Core context into the report folder, so a person can read it:
/// <c>efcore/&lt;Context&gt;/&lt;id&gt;.up.sql</c> and <c>.down.sql</c> for each migration, and <c>model.sql</c>.</summary>
public static class GeneratedSqlFiles
{
    public const string FolderName = "efcore";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files (an earlier run's files of this context are replaced) and returns the folder.</summary>
    public static string Write(ContextExport context, string reportDirectory)
    {
        var folder = Path.Combine(reportDirectory, FolderName, context.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var migration in context.Migrations)
        {
            File.WriteAllText(Path.Combine(folder, migration.Id + ".up.sql"), EfCoreMigrationSource.Text(migration.Up), Utf8WithoutBom);
            File.WriteAllText(Path.Combine(folder, migration.Id + ".down.sql"), EfCoreMigrationSource.Text(migration.Down), Utf8WithoutBom);
        }

        File.WriteAllText(Path.Combine(folder, "model.sql"), EfCoreMigrationSource.Text(context.CreateScript), Utf8WithoutBom);
        return folder;
    }
}
