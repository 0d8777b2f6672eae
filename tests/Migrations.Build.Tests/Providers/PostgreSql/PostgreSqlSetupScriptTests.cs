using Migrations.Build.Diagnostics;
using Migrations.Build.Tests.Unit.Migrations;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlConfinementRuns;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>The setup script (MigrationsSetupScript) gives the migrations what only the engine's own role may make —
/// an untrusted extension, a role to grant to — in every scratch database, the model's too.</summary>
[TestClass]
public sealed class PostgreSqlSetupScriptTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    [TestMethod]
    [DataRow("confined")]
    [DataRow("given")]
    public async Task A_setup_script_makes_an_extension_and_a_role_that_the_migrations_and_the_model_use(string providerName)
    {
        using var folder = new TemporaryFolder();
        WriteMigrations(folder);
        var setup = folder.Write("setup.sql", "CREATE EXTENSION IF NOT EXISTS moddatetime;\nDO $$ BEGIN CREATE ROLE migrations_build_test_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n");

        var result = await CheckAsync(folder, ProviderNamed(providerName), model: true, setupScript: setup);

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Diagnostics));
        Assert.AreEqual(0, result.Diagnostics.Count(d => d.Code == "MIG3002" || d.Code == "MIG3003"), "the extension is on both sides");
    }

    [TestMethod]
    public async Task Without_the_setup_script_the_runner_role_cannot_create_an_untrusted_extension()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_extension.up.sql", "CREATE EXTENSION moddatetime;\n");
        folder.Write("Migrations/0001_extension.down.sql", "DROP EXTENSION moddatetime;\n");

        var result = await CheckAsync(folder, PostgreSqlTestServer.ConfinedProvider);

        var failed = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("MIG2001", failed.Code, failed.ToString());
        StringAssert.Contains(failed.Message, "(42501)");
    }

    [TestMethod]
    public async Task A_failing_setup_statement_is_MIG0051_at_its_line_and_nothing_else_runs()
    {
        using var folder = new TemporaryFolder();
        WriteMigrations(folder);
        var setup = folder.Write("setup.sql", "SELECT 1;\n\nCREATE EXTENSION migrations_build_no_such_extension;\n");

        var result = await CheckAsync(folder, PostgreSqlTestServer.ConfinedProvider, model: true, setupScript: setup);

        var failed = result.Diagnostics.Single();
        Assert.AreEqual("MIG0051", failed.Code, failed.ToString());
        Assert.AreEqual(setup, failed.Location!.Path);
        Assert.AreEqual(3, failed.Location.Line);
        StringAssert.Contains(failed.Message, "The setup script failed: extension \"migrations_build_no_such_extension\" is not available");
    }

    /// <summary>Migrations and a model that need moddatetime (an extension only a superuser may create) and a role.</summary>
    private static void WriteMigrations(TemporaryFolder folder)
    {
        const string Docs = "CREATE TABLE docs (id int PRIMARY KEY, changed timestamp);\n" +
            "CREATE TRIGGER docs_changed BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION moddatetime(changed);\n";
        folder.Write("Migrations/0001_docs.up.sql", Docs + "GRANT SELECT ON docs TO migrations_build_test_reader;\n");
        folder.Write("Migrations/0001_docs.down.sql", "DROP TABLE docs;\n");
        folder.Write("schema.sql", Docs);
    }
}
