using Migrations.Build.Tests.Providers.PostgreSql;

namespace Migrations.Build.Tests.Cli;

/// <summary>A runaway statement ends at the statement timeout (<c>--statement-timeout</c>, MigrationsStatementTimeout)
/// with MIG2010 at the statement, on SQLite (an interrupt) and PostgreSQL (statement_timeout). The limit is 1 s here;
/// the statements would otherwise run for ten minutes or forever, so the outcome does not depend on the machine's speed.</summary>
[TestClass]
[TestCategory("Long")]
public sealed class CliStatementTimeoutTests
{
    [TestMethod]
    public async Task An_endless_recursive_CTE_on_SQLite_is_stopped_at_the_statement_timeout_with_MIG2010()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        workspace.Write("Migrations/0002_spin.up.sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;\n");
        workspace.Write("Migrations/0002_spin.down.sql", "SELECT 1;\n");

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations, "--statement-timeout", "1"], timeout: TimeSpan.FromSeconds(120));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains("0002_spin.up.sql(1,1): error MIG2010: Migration 0002_spin failed: the statement ran longer than the statement timeout of 1 s and was stopped (MigrationsStatementTimeout", run.AllText, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_pg_sleep_on_PostgreSql_is_stopped_at_the_statement_timeout_with_MIG2010()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        workspace.Write("Migrations/0002_wait.up.sql", "CREATE TABLE t (id int);\nSELECT pg_sleep(600);\n");
        workspace.Write("Migrations/0002_wait.down.sql", "DROP TABLE t;\n");

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--statement-timeout", "1"], timeout: TimeSpan.FromSeconds(180));
        if (run.AllText.Contains("MIG0007", StringComparison.Ordinal))
        {
            PostgreSqlTestServer.CannotRun("No PostgreSQL server binaries: " + run.AllText);
        }

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains("0002_wait.up.sql(2,1): error MIG2010: Migration 0002_wait failed: the statement ran longer than the statement timeout of 1 s", run.AllText, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task A_negative_statement_timeout_is_MIG0006()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--statement-timeout", "-5");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0006: --statement-timeout -5 is not valid", run.AllText, run.ToString());
    }
}
