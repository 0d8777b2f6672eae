namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Wrong MSBuild properties are reported once, as MIG0xxx errors that name the property to change.</summary>
[TestClass]
public sealed class SettingsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void A_missing_migrations_directory_names_the_property_to_set()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = sample.Build("-p:MigrationsDirectory=Nope");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { $"{sample.ProjectFile} : error MIG0001: The migrations directory '{sample.PathOf("Nope")}/' does not exist. Set MigrationsDirectory to the folder that holds your migrations (default: Migrations next to the project file), or set MigrationsValidation to false." },
            result.MigrationErrors.ToArray(),
            result.ToString());
    }

    [TestMethod]
    public void An_unknown_provider_names_the_supported_ones()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = sample.Build("-p:MigrationsProvider=Oracle");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { $"{sample.ProjectFile} : error MIG0003: The database provider 'Oracle' is not supported. Set MigrationsProvider to Sqlite, PostgreSql or SqlServer." },
            result.MigrationErrors.ToArray(),
            result.ToString());
    }

    [TestMethod]
    public void Every_wrong_setting_is_reported_in_one_build()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = sample.Build("-p:MigrationsModel=missing.sql", "-p:MigrationsDowngradeCheck=Some", "-p:MigrationsRequireDowngrade=maybe");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{sample.ProjectFile} : error MIG0002: The model '{sample.PathOf("missing.sql")}' does not exist. Set MigrationsModel to your schema file (or a folder of .sql files), or leave it empty to skip the comparison with a model.",
                $"{sample.ProjectFile} : error MIG0006: MigrationsDowngradeCheck 'Some' is not valid. Set MigrationsDowngradeCheck to All, Last, Last:N (the last N migrations) or None.",
                $"{sample.ProjectFile} : error MIG0006: MigrationsRequireDowngrade 'maybe' is not valid. Set MigrationsRequireDowngrade to true or false.",
            },
            result.MigrationErrors.ToArray(),
            result.ToString());
    }

    [TestMethod]
    public void MigrationsValidation_false_skips_the_check()
    {
        var sample = SampleCopy.Create("Broken.FailingUp", TestContext.TestName!);

        var result = sample.Build("-p:MigrationsValidation=false");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.DoesNotContain("MIG", result.Output, result.ToString());
        Assert.IsFalse(File.Exists(sample.PathOf("obj/Debug/net10.0/migrations.settings")), "the target's dependencies ran");
    }
}
