using Migrations.Build.Tests.Providers.PostgreSql;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Cli;

/// <summary><c>snapshot</c> and <c>diff</c> on PostgreSQL: the shared test cluster, given as the CI would give it
/// (MIGRATIONS_CONNECTION_STRING), which never appears in the output.</summary>
[TestClass]
public sealed class CliSchemaPostgreSqlTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();

    [TestMethod]
    public async Task Snapshot_shows_PostgreSQLs_own_spelling_of_the_schema()
    {
        using var workspace = PostgreSqlWorkspace();

        var run = await RunAsync("snapshot", "--migrations", workspace.Migrations, "--at", "1");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        run.AssertOutput(
        [
            "-- Migrations.Build schema snapshot: 1 table, 0 views, 0 triggers, 0 sequences, 0 enum types, 0 other objects",
            "",
            "TABLE users",
            "  id integer NOT NULL",
            "  email text NOT NULL",
            "  PRIMARY KEY (id)  -- generated name: users_pkey",
        ]);
        Assert.DoesNotContain(Provider.Settings.ConnectionString, run.AllText);
    }

    [TestMethod]
    public async Task Diff_of_two_versions_names_the_added_column_and_index()
    {
        using var workspace = PostgreSqlWorkspace();

        var run = await RunAsync("diff", "--migrations", workspace.Migrations, "1", "2");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(
        [
            "Column users.created_at exists after 0002, not after 0001.",
            "Index ix_users_email on users exists after 0002, not after 0001.",
            "Diff 0001 → 0002 on PostgreSQL: 2 differences.",
        ]);
    }

    [TestMethod]
    public async Task Diff_with_the_model_prints_the_drift_checks_diagnostic()
    {
        using var workspace = PostgreSqlWorkspace();

        var run = await RunAsync("diff", "--migrations", workspace.Migrations, "1", "--model", workspace.Model);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        run.AssertOutput(
        [
            $"{workspace.Model}(3,5): error MIG3002: Column users.created_at is in the model, but missing after the migrations.",
            $"{workspace.Model}(5,1): error MIG3002: Index ix_users_email on users is in the model, but missing after the migrations.",
            "Diff 0001 → the model on PostgreSQL: 2 differences.",
        ]);
    }

    private static Task<EngineRun> RunAsync(params string[] arguments) =>
        EngineProcess.RunAsync(
            [.. arguments, "--provider", "PostgreSql"],
            new Dictionary<string, string?> { ["MIGRATIONS_CONNECTION_STRING"] = Provider.Settings.ConnectionString });

    private static CliWorkspace PostgreSqlWorkspace()
    {
        var workspace = new CliWorkspace();
        workspace.Write("Migrations/0001_create_users.up.sql", "CREATE TABLE users (id int4 PRIMARY KEY, email text NOT NULL);\n");
        workspace.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
        workspace.Write("Migrations/0002_add_created_at.up.sql", "ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\nCREATE INDEX ix_users_email ON users (email);\n");
        workspace.Write("Migrations/0002_add_created_at.down.sql", "DROP INDEX ix_users_email;\nALTER TABLE users DROP COLUMN created_at;\n");
        workspace.Write("schema.sql", "CREATE TABLE users (\n    id integer PRIMARY KEY,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    email text NOT NULL);\nCREATE INDEX ix_users_email ON users (email);\n");
        return workspace;
    }
}
