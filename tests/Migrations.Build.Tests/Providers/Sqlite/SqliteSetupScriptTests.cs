using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>On SQLite the setup script runs on the scratch connection, confined as the migrations are; a setup script
/// that cannot be read stops the run with MIG0050.</summary>
[TestClass]
public sealed class SqliteSetupScriptTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    public async Task A_setup_script_makes_a_table_the_migrations_and_the_model_refer_to()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id INTEGER REFERENCES tenants (id));\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE users;\n");
        folder.Write("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id INTEGER REFERENCES tenants (id));\n");
        var setup = folder.Write("setup.sql", "CREATE TABLE tenants (id INTEGER PRIMARY KEY);\n");

        var result = await RunAsync(folder, setup);

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task Several_setup_scripts_run_in_order_and_a_failure_is_at_its_own_file_and_line()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, tenant_id INTEGER REFERENCES tenants (id));\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE users;\n");
        var tenants = folder.Write("tenants.sql", "CREATE TABLE tenants (id INTEGER PRIMARY KEY);\n");
        var seed = folder.Write("seed.sql", "INSERT INTO tenants (id) VALUES (1);\n");
        var broken = folder.Write("broken.sql", "-- the runner's bookkeeping\nINSERT INTO missing_table VALUES (1);\n");

        var passing = await RunAsync(folder, tenants, seed);
        var reversed = await RunAsync(folder, seed, tenants);
        var failing = await RunAsync(folder, tenants, broken);

        Assert.AreEqual(0, passing.ErrorCount, string.Join("\n", passing.Diagnostics));
        var notYet = reversed.Diagnostics.Single();
        Assert.AreEqual("MIG0051", notYet.Code);
        Assert.AreEqual(seed, notYet.Location!.Path);
        var failed = failing.Diagnostics.Single();
        Assert.AreEqual("MIG0051", failed.Code);
        Assert.AreEqual(new SourceLocation(broken, 2, 1), failed.Location! with { EndLine = null, EndColumn = null });
    }

    [TestMethod]
    public async Task An_attach_in_the_setup_script_is_still_refused_there_as_MIG0051()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE users;\n");
        var victim = Path.Combine(folder.Path, "victim.db");
        var setup = folder.Write("setup.sql", $"CREATE TABLE tenants (id INTEGER);\nATTACH '{victim}' AS v;\n");

        var result = await RunAsync(folder, setup);

        var failed = result.Diagnostics.Single();
        Assert.AreEqual("MIG0051", failed.Code);
        Assert.AreEqual(new SourceLocation(setup, 2, 1), failed.Location! with { EndLine = null, EndColumn = null });
        StringAssert.Contains(failed.Message, "The setup script failed: refused: it attaches the database file");
        Assert.IsFalse(File.Exists(victim));
    }

    [TestMethod]
    [DataRow("missing.sql", "does not exist")]
    [DataRow("open.sql", "cannot be split into statements: The string literal that starts here is never closed")]
    public async Task A_setup_script_that_cannot_be_read_is_MIG0050(string name, string reason)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        folder.Write("open.sql", "CREATE TABLE t (note TEXT DEFAULT 'never closed);\n");

        var result = await RunAsync(folder, Path.Combine(folder.Path, name));

        var failed = result.Diagnostics.Single();
        Assert.AreEqual("MIG0050", failed.Code);
        StringAssert.Contains(failed.Message, reason);
        Assert.AreEqual(Path.Combine(folder.Path, name), failed.Location!.Path);
    }

    private static Task<ValidationResult> RunAsync(TemporaryFolder folder, params string[] setup) =>
        CheckComposition.RunAsync(
            new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
            {
                ModelPath = File.Exists(Path.Combine(folder.Path, "schema.sql")) ? Path.Combine(folder.Path, "schema.sql") : null,
                SetupScripts = [.. setup],
            },
            progress: null,
            None);
}
