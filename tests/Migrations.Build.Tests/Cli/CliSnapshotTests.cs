using System.Text.Json;

namespace Migrations.Build.Tests.Cli;

/// <summary><c>snapshot</c>: the schema after the migrations up to a version, in each format, and its errors.</summary>
[TestClass]
public sealed class CliSnapshotTests
{
    private static readonly string[] UsersAfterFirst =
    [
        "-- Migrations.Build schema snapshot: 1 table, 0 views, 0 triggers, 0 sequences, 0 enum types, 0 other objects",
        "",
        "TABLE users",
        "  id INTEGER",
        "  email TEXT NOT NULL",
        "  PRIMARY KEY (id)",
    ];

    [TestMethod]
    [DataRow("0001")]
    [DataRow("1")]
    [DataRow("001")]
    public async Task Snapshot_at_a_version_prints_the_schema_after_that_migration(string version)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", version);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(UsersAfterFirst);
        Assert.AreEqual(string.Empty, run.Error);
    }

    [TestMethod]
    public async Task Snapshot_without_a_version_applies_every_migration()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput([.. UsersAfterFirst, "  INDEX ix_users_email (email)"]);
    }

    [TestMethod]
    public async Task Snapshot_at_version_0_is_the_empty_schema()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "0");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(["-- Migrations.Build schema snapshot: 0 tables, 0 views, 0 triggers, 0 sequences, 0 enum types, 0 other objects"]);
    }

    [TestMethod]
    public async Task Markdown_snapshot_has_the_ER_diagram_and_the_listing()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "1", "--format", "markdown");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(
        [
            "# Schema after 0001_create_users on SQLite", "",
            "```mermaid", "erDiagram", "    users {", "        INTEGER id PK", "        TEXT email", "    }", "```", "",
            "## Snapshot", "", "```sql", .. UsersAfterFirst, "```",
        ]);
    }

    [TestMethod]
    public async Task Json_snapshot_names_the_provider_the_version_and_each_column()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "1", "--format", "json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var document = JsonDocument.Parse(string.Join('\n', run.Output));
        var root = document.RootElement;
        Assert.AreEqual("SQLite", root.GetProperty("provider").GetString());
        Assert.AreEqual("0001", root.GetProperty("version").GetString());
        Assert.AreEqual("0001_create_users", root.GetProperty("migration").GetString());
        var table = root.GetProperty("schema").GetProperty("tables").EnumerateArray().Single();
        Assert.AreEqual("users", table.GetProperty("name").GetProperty("name").GetString());
        CollectionAssert.AreEqual(
            new[] { "id INTEGER False", "email TEXT True" },
            table.GetProperty("columns").EnumerateArray()
                .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()} {c.GetProperty("notNull").GetBoolean()}").ToArray());
    }

    [TestMethod]
    public async Task Output_option_writes_the_snapshot_to_a_file()
    {
        using var workspace = new CliWorkspace("Healthy");
        var file = workspace.PathOf("out/schema.txt");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "1", "--output", file);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.IsEmpty(run.Output, run.ToString());
        Assert.AreEqual(string.Join('\n', UsersAfterFirst) + "\n", await File.ReadAllTextAsync(file));
    }

    [TestMethod]
    public async Task An_unknown_version_is_MIG0045_naming_the_versions()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "7");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.IsEmpty(run.Output, run.ToString());
        Assert.AreEqual(
            $"Migrations.Build: error MIG0045: No migration in '{workspace.Migrations}' has version '7': its versions are 0001, 0002 (0 is the schema before the first).",
            run.Error.TrimEnd());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    [DataRow("abc")]
    [DataRow("")]
    public async Task A_version_that_is_not_a_number_is_MIG0045(string version)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", version == "" ? " " : version);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0045: No migration", run.Error, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_missing_migrations_folder_is_MIG0001()
    {
        using var workspace = new CliWorkspace();
        var missing = workspace.PathOf("nope");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", missing);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.AreEqual(
            $"{missing}(1,1): error MIG0001: The migrations directory '{missing}' does not exist. Set MigrationsDirectory (--migrations) to the folder that holds your migrations.",
            run.Error.TrimEnd());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_failing_up_is_the_builds_MIG2001_at_its_line()
    {
        using var workspace = new CliWorkspace("FailingUp");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.IsEmpty(run.Output, run.ToString());
        StringAssert.StartsWith(run.Error, $"{workspace.PathOf("Migrations/0002_x.up.sql")}(8,1): error MIG2001: Migration 0002_x failed:", run.ToString());
        run.AssertNoStackTrace();
    }
}
