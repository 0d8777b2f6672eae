using System.Runtime.InteropServices;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>A migration that reaches for a file outside its SQLite scratch database, or for the PostgreSQL server
/// beyond its scratch database, fails the build at that statement, in both engines the package carries, and touches
/// nothing (the engine tests show the victims intact).</summary>
[TestClass]
public sealed class ConfinementTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("linux-x64", "Migrations.Build")]
    [DataRow("net8.0", "Migrations.Build.dll")]
    public void A_migration_that_attaches_another_database_file_fails_the_build_and_creates_no_file(string engineFolder, string engineFile)
    {
        var engine = PackagedEngine(engineFolder, engineFile);
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName! + "-" + engineFolder);
        var victim = Path.Combine(sample.Root, "victim.db");
        File.WriteAllText(sample.PathOf("Migrations/0004_steal.up.sql"), $"CREATE TABLE notes (id INTEGER);\nATTACH '{victim}' AS v;\nDELETE FROM v.important;\n");
        File.WriteAllText(sample.PathOf("Migrations/0004_steal.down.sql"), "DROP TABLE notes;\n");

        var result = sample.Build($"-p:MigrationsEnginePath={engine}");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var error = result.MigrationErrors.Single();
        StringAssert.StartsWith(error, $"{sample.PathOf("Migrations/0004_steal.up.sql")}(2,1): error MIG2003: Migration 0004_steal failed: refused: it attaches the database file '{victim}'");
        Assert.IsFalse(File.Exists(victim), "the refused ATTACH created the file");
    }

    [TestMethod]
    [DataRow("linux-x64", "Migrations.Build")]
    [DataRow("net8.0", "Migrations.Build.dll")]
    public void A_postgresql_migration_that_drops_the_servers_database_fails_the_build_at_that_statement(string engineFolder, string engineFile)
    {
        var engine = PackagedEngine(engineFolder, engineFile);
        RequirePostgreSqlBinaries();
        var sample = SampleCopy.Create("Healthy.PostgreSql", TestContext.TestName! + "-" + engineFolder);
        sample.Environment["MIGRATIONS_POSTGRES_CLUSTER"] = "temporary";
        File.WriteAllText(sample.PathOf("Migrations/0004_steal.up.sql"), "CREATE TABLE notes (id int);\n\nDROP DATABASE postgres WITH (FORCE);\n");
        File.WriteAllText(sample.PathOf("Migrations/0004_steal.down.sql"), "DROP TABLE notes;\n");

        var result = sample.Build($"-p:MigrationsEnginePath={engine}");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var error = result.MigrationErrors.Single();
        StringAssert.StartsWith(error, $"{sample.PathOf("Migrations/0004_steal.up.sql")}(3,1): error MIG2004: Migration 0004_steal failed: refused: DROP DATABASE acts on a database of the server, not on the scratch database");
    }

    [TestMethod]
    public void MigrationsSetupScript_gives_the_migrations_an_extension_only_a_superuser_may_create()
    {
        RequirePostgreSqlBinaries();
        var sample = SampleCopy.Create("Healthy.PostgreSql", TestContext.TestName!);
        sample.Environment["MIGRATIONS_POSTGRES_CLUSTER"] = "temporary";
        const string Docs = "CREATE TABLE docs (id int PRIMARY KEY, changed timestamp);\nCREATE TRIGGER docs_changed BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION moddatetime(changed);\n";
        File.WriteAllText(sample.PathOf("Migrations/0004_docs.up.sql"), Docs);
        File.WriteAllText(sample.PathOf("Migrations/0004_docs.down.sql"), "DROP TABLE docs;\n");
        File.AppendAllText(sample.PathOf("schema.sql"), "\n" + Docs);
        File.WriteAllText(sample.PathOf("db-setup.sql"), "CREATE EXTENSION IF NOT EXISTS moddatetime;\n");

        var without = sample.Build();
        var with = sample.Build("-p:MigrationsSetupScript=db-setup.sql");

        Assert.AreEqual(1, without.ExitCode, without.ToString());
        StringAssert.StartsWith(without.MigrationErrors.First(), $"{sample.PathOf("Migrations/0004_docs.up.sql")}(2,");
        Assert.AreEqual(0, with.ExitCode, with.ToString());
        Assert.Contains("Migrations: 4 migrations on PostgreSQL — upgrade ok, drift 0, downgrades 4/4 proven", with.Output, with.ToString());
    }

    /// <summary>The engine the package carries in <paramref name="folder"/>; the native one only where it runs.</summary>
    private static string PackagedEngine(string folder, string file)
    {
        if (folder == "linux-x64" && (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64))
        {
            Assert.Inconclusive($"The native engine is for linux-x64; this is {RuntimeInformation.RuntimeIdentifier}.");
        }

        return Path.Combine(PackageFeed.PackagesDirectory, "migrations.build", PackageFeed.Version.ToLowerInvariant(), "tools", folder, file);
    }

    private static void RequirePostgreSqlBinaries()
    {
        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb"))))
        {
            TestEnvironment.CannotRun("PostgreSQL server binaries are not installed (apt-get install postgresql, or scripts/install-postgres.sh).");
        }
    }
}
