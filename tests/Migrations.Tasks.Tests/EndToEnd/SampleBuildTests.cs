namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Each sample, built as a consumer would build it, passes or fails with exactly the errors its README shows.</summary>
[TestClass]
public sealed class SampleBuildTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Healthy.Sqlite", "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven")]
    [DataRow("Pending.TableWithoutMigration", "Migrations: 1 migration on SQLite — upgrade ok, drift 0, downgrades 1/1 proven")]
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

    [TestMethod]
    [DataRow("Healthy.PostgreSql", 0, "", "Migrations: 3 migrations on PostgreSQL — upgrade ok, drift 0, downgrades 3/3 proven")]
    [DataRow(
        "Broken.PostgreSqlEnumDown",
        1,
        "Migrations/0002_add_owner_role.down.sql(2,1): error MIG4004: The down of 0002_add_owner_role does not restore enum type user_role: labels ('member', 'admin') before the up, ('member', 'admin', 'owner') after the down.",
        "Migrations: 2 migrations on PostgreSQL — upgrade ok, drift 0, downgrades 1/2 proven")]
    public void A_PostgreSql_sample_runs_on_a_temporary_cluster_without_Docker(string sample, int exitCode, string expected, string summary)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")));
        if (!installed && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Inconclusive("PostgreSQL server binaries are not installed (apt-get install postgresql, or scripts/install-postgres.sh).");
        }

        var copy = SampleCopy.Create(sample, TestContext.TestName + "_" + sample);

        var result = copy.Build();

        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        var expectedLines = expected.Length == 0 ? [] : new[] { $"{Path.Combine(copy.ProjectDirectory, expected)} [{copy.ProjectFile}]" };
        CollectionAssert.AreEqual(expectedLines, result.MigrationErrors.ToArray(), result.ToString());
        Assert.Contains(summary, result.Output, result.ToString());
    }
}
