namespace Migrations.Build.Tests.Cli;

/// <summary><c>snapshot</c> and <c>diff</c> replay the migrations in the runner's environment the check uses: the
/// setup scripts first (<c>--setup-script</c>), SQLite's foreign keys as the project migrates
/// (<c>--sqlite-foreign-keys</c>); otherwise a snapshot would fail, or show a schema the build never checks.</summary>
[TestClass]
public sealed class CliSchemaEnvironmentTests
{
    /// <summary>A migration that records itself in the runner's bookkeeping table, which only the setup script makes.</summary>
    private static CliWorkspace RunnerHistory()
    {
        var workspace = new CliWorkspace();
        workspace.Write("setup.sql", "-- the runner's own table\nCREATE TABLE schema_migrations (version TEXT PRIMARY KEY);\n");
        workspace.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\nINSERT INTO schema_migrations (version) VALUES ('0001');\n");
        workspace.Write("Migrations/0001_users.down.sql", "DELETE FROM schema_migrations WHERE version = '0001';\nDROP TABLE users;\n");
        workspace.Write("Migrations/0002_notes.up.sql", "ALTER TABLE users ADD COLUMN notes TEXT;\n");
        workspace.Write("Migrations/0002_notes.down.sql", "ALTER TABLE users DROP COLUMN notes;\n");
        return workspace;
    }

    [TestMethod]
    public async Task Snapshot_runs_the_setup_script_before_the_migrations()
    {
        using var workspace = RunnerHistory();

        var without = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations);
        var with = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--setup-script", workspace.PathOf("setup.sql"));

        Assert.AreEqual(1, without.ExitCode, without.ToString());
        StringAssert.Contains(without.Error, "0001_users.up.sql(2,1): error MIG2001", without.ToString());
        Assert.AreEqual(0, with.ExitCode, with.ToString());
        Assert.Contains("TABLE schema_migrations", with.Output, with.ToString());
        Assert.Contains("  notes TEXT", with.Output, with.ToString());
    }

    [TestMethod]
    public async Task Diff_runs_the_setup_scripts_in_order_on_both_sides()
    {
        using var workspace = RunnerHistory();
        workspace.Write("index.sql", "CREATE INDEX ix_schema_migrations ON schema_migrations (version);\n");

        var run = await EngineProcess.RunAsync(
            "diff", "--migrations", workspace.Migrations, "1", "2", "--setup-script", workspace.PathOf("setup.sql"), "--setup-script", workspace.PathOf("index.sql"));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(["Column users.notes exists after 0002, not after 0001.", "Diff 0001 → 0002 on SQLite: 1 difference."]);
    }

    [TestMethod]
    public async Task A_failing_setup_script_is_MIG0051_at_its_own_line()
    {
        using var workspace = RunnerHistory();
        var setup = workspace.Write("setup.sql", "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY);\nCREATE TABLE schema_migrations (version TEXT);\n");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--setup-script", setup);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.IsEmpty(run.Output, run.ToString());
        StringAssert.StartsWith(run.Error, $"{setup}(2,1): error MIG0051: The setup script failed:", run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_missing_setup_script_is_MIG0050_and_a_usage_error()
    {
        using var workspace = RunnerHistory();
        var missing = workspace.PathOf("nope.sql");

        var run = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--setup-script", missing);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "error MIG0050: The setup script '" + missing + "' does not exist.", run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task Snapshot_replays_a_rebuild_of_a_referenced_table_with_foreign_keys_off()
    {
        using var workspace = new CliWorkspace();
        workspace.Write(
            "Migrations/0001_family.up.sql",
            "CREATE TABLE parents (id INTEGER PRIMARY KEY);\nCREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id));\n"
            + "INSERT INTO parents (id) VALUES (1);\nINSERT INTO children (id, parent_id) VALUES (1, 1);\n");
        workspace.Write(
            "Migrations/0002_rebuild_parents.up.sql",
            "CREATE TABLE parents_new (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO parents_new (id) SELECT id FROM parents;\nDROP TABLE parents;\nALTER TABLE parents_new RENAME TO parents;\n");

        var on = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations);
        var off = await EngineProcess.RunAsync("snapshot", "--migrations", workspace.Migrations, "--sqlite-foreign-keys", "false");

        Assert.AreEqual(1, on.ExitCode, on.ToString());
        StringAssert.Contains(on.Error, "0002_rebuild_parents.up.sql(3,1): error MIG2001", on.ToString());
        Assert.AreEqual(0, off.ExitCode, off.ToString());
        Assert.Contains("  name TEXT", off.Output, off.ToString());
    }
}
