using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The check reruns exactly when something it depends on changed, and a failure is never cached.</summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    private const string Skipped = "Skipping target \"ValidateSqlMigrations\" because all output files are up-to-date with respect to the input files.";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void An_unchanged_rebuild_skips_the_check()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var first = sample.Build("-v:n");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.DoesNotContain(Skipped, first.Output, first.ToString());

        var second = sample.Build("-v:n", "--no-restore");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.Contains(Skipped, second.Output, second.ToString());
    }

    [TestMethod]
    public void A_changed_property_reruns_the_check()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        Assert.AreEqual(0, sample.Build().ExitCode);

        var result = sample.Build("-v:n", "--no-restore", "-p:MigrationsDowngradeCheck=None");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.DoesNotContain(Skipped, result.Output, result.ToString());
    }

    [TestMethod]
    public void A_failed_check_fails_again_on_the_next_build()
    {
        var sample = SampleCopy.Create("Broken.FailingUp", TestContext.TestName!);
        var first = sample.Build();
        Assert.AreEqual(1, first.ExitCode, first.ToString());
        Assert.AreNotEqual(0, first.MigrationErrors.Count, first.ToString());

        var second = sample.Build("--no-restore");

        Assert.AreEqual(1, second.ExitCode, second.ToString());
        CollectionAssert.AreEqual(first.MigrationErrors.ToArray(), second.MigrationErrors.ToArray(), second.ToString());
    }

    [TestMethod]
    public void Fixing_the_migration_makes_the_next_build_pass()
    {
        var sample = SampleCopy.Create("Broken.MisnamedIndexDown", TestContext.TestName!);
        Assert.AreEqual(1, sample.Build().ExitCode);

        File.WriteAllText(sample.PathOf("Migrations/0002_add_index.down.sql"), "DROP INDEX ix_users_email;\n");
        var result = sample.Build("--no-restore");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(result.MigrationErrors, result.ToString());
    }

    /// <summary>A package update: NuGet extracts the new version's files with their pack time, older than the stamp,
    /// so file times alone would call the check up to date. The new version here is the same package renamed (its
    /// files keep their times, as a real update's do).</summary>
    [TestMethod]
    public void A_package_update_reruns_the_check()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var first = sample.Build("-v:n");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.DoesNotContain(Skipped, first.Output, first.ToString());
        var updated = PackageFeed.Version + ".2";
        var feed = Path.Combine(sample.Root, "updated-feed");
        RepackAs(Path.Combine(PackageFeed.FeedDirectory, $"Migrations.Build.{PackageFeed.Version}.nupkg"), Path.Combine(feed, $"Migrations.Build.{updated}.nupkg"), updated);
        var config = Path.Combine(sample.Root, "nuget.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace($"value=\"{PackageFeed.FeedDirectory}\"", $"value=\"{feed}\"", StringComparison.Ordinal));

        var second = sample.Build("-v:detailed", $"-p:MigrationsBuildVersion={updated}");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        StringAssert.Contains(second.Output, Path.Combine("migrations.build", updated), "The build did not use the updated package:\n" + second);
        Assert.DoesNotContain(Skipped, second.Output, second.ToString());
        Assert.Contains("Migrations: ", second.Output, "The check did not run after the update:\n" + second);
    }

    /// <summary>Copies a package with another version in its nuspec; every other entry keeps its bytes and time.</summary>
    private static void RepackAs(string package, string target, string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(package, target);
        using var archive = ZipFile.Open(target, ZipArchiveMode.Update);
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        string text;
        using (var reader = new StreamReader(nuspec.Open()))
        {
            text = reader.ReadToEnd();
        }

        var name = nuspec.FullName;
        nuspec.Delete();
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(Regex.Replace(text, "<version>[^<]*</version>", $"<version>{version}</version>"));
    }
}
