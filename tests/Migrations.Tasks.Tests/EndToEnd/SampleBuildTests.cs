namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Each sample, built as a consumer would build it, passes or fails with exactly the errors its README shows.</summary>
[TestClass]
public sealed class SampleBuildTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Healthy.Sqlite", "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven")]
    [DataRow("Pending.TableWithoutMigration", "Migrations: 1 migrations on SQLite — upgrade ok, drift 0, downgrades 1/1 proven")]
    public void A_healthy_sample_builds_and_prints_the_summary(string sample, string summary)
    {
        var copy = SampleCopy.Create(sample, TestContext.TestName + "_" + sample);

        var result = copy.Build();

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(result.Errors, result.ToString());
        Assert.Contains(summary, result.Output, result.ToString());
    }

    [TestMethod]
    // One string per sample, lines separated by \n, each relative to the sample's folder as MSBuild's file logger writes it.
    [DataRow(
        "Broken.MisnamedIndexDown",
        "Migrations/0002_add_index.down.sql(1,1): error MIG4002: The down of 0002_add_index leaves index ix_users_email on users behind: it did not exist before the up.")]
    [DataRow(
        "Broken.TableWithoutMigration",
        "schema.sql(7,1): error MIG3006: Table audit_log is in the model, but no migration creates it. Add a migration that creates it, or list it as pending (<MigrationsPendingTable Include=\"audit_log\" />).")]
    [DataRow(
        "Broken.ForeignKeyAction",
        "schema.sql(9,5): error MIG3004: Foreign key leads.user_id -> users(id): ON DELETE CASCADE in the model, NO ACTION after migrations.")]
    [DataRow(
        "Broken.DuplicateVersion",
        "Migrations/0002_create_leads.up.sql(1,1): error MIG1001: Migrations 0002_add_email_index.up.sql and 0002_create_leads.up.sql have the same version 0002; give one of them a new version")]
    [DataRow(
        "Broken.FailingUp",
        "Migrations/0002_create_orders.up.sql(8,1): error MIG2001: Migration 0002_create_orders failed: no such table: legacy_orders")]
    public void A_broken_sample_fails_with_its_errors_at_the_file_and_line(string sample, string expected)
    {
        var copy = SampleCopy.Create(sample, TestContext.TestName + "_" + sample);

        var result = copy.Build();

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var expectedLines = expected.Split('\n').Select(line => $"{Path.Combine(copy.ProjectDirectory, line)} [{copy.ProjectFile}]").ToArray();
        CollectionAssert.AreEqual(expectedLines, result.MigrationErrors.ToArray(), result.ToString());
    }
}
