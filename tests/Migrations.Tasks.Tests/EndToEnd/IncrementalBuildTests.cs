namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The check reruns exactly when something it depends on changed, and a failure is never cached.</summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    private const string Skipped = "Skipping target \"ValidateMigrations\" because all output files are up-to-date with respect to the input files.";

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
}
