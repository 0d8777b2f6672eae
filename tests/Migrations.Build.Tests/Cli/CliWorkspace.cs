using System.Text;

namespace Migrations.Build.Tests.Cli;

/// <summary>A temp folder for one engine run, optionally seeded with a case from <c>TestData/Cli/&lt;case&gt;</c>;
/// deleted when disposed.</summary>
internal sealed class CliWorkspace : IDisposable
{
    public CliWorkspace(string? testDataCase = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "migrations-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (testDataCase is not null)
        {
            var source = Path.Combine(AppContext.BaseDirectory, "TestData", "Cli", testDataCase);
            Assert.IsTrue(Directory.Exists(source), $"No test data {source}");
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Root, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Root { get; }

    /// <summary>The migrations folder every case uses.</summary>
    public string Migrations => Path.Combine(Root, "Migrations");

    /// <summary>The model every case with a model uses.</summary>
    public string Model => Path.Combine(Root, "schema.sql");

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes UTF-8 text without a BOM.</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>The first migration of the Healthy case (a users table), for cases that add one broken migration after it.</summary>
    public void WriteUsersMigration()
    {
        Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
