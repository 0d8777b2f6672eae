namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The EF Core samples, built with the real <c>dotnet build</c> against the packed package on EF Core 8, 9 and 10:
/// the EF bridge reads the built assembly, every check runs, and findings point at the C# files.</summary>
[TestClass]
public sealed class EfCoreSampleTests
{
    private static readonly string[] EfCore8 = ["-p:EfCoreVersion=8.0.34", "-p:EfCoreTargetFramework=net8.0"];

    // EF Core 9 targets net8.0 (there is no net9.0-only EF 9); the app runs on the newest runtime of the machine.
    private static readonly string[] EfCore9 = ["-p:EfCoreVersion=9.0.23", "-p:EfCoreTargetFramework=net8.0"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("10")]
    [DataRow("9")]
    [DataRow("8")]
    public void A_healthy_EF_Core_app_passes_every_check_and_an_unchanged_rebuild_skips_it(string efMajor)
    {
        var copy = SampleCopy.Create("EfCore.Sqlite", $"{TestContext.TestName}_{efMajor}");
        var properties = Properties(efMajor);

        var first = copy.Build(properties);
        var second = copy.Build([.. properties, "-v:n"]);

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.IsEmpty(first.Errors, first.ToString());
        Assert.Contains("Migrations: 2 migrations on SQLite — upgrade ok, drift 0, downgrades 2/2 proven", first.Output, first.ToString());
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.Contains("Skipping target \"ValidateEfCoreMigrations\" because all output files are up-to-date", second.Output, second.ToString());
        var framework = efMajor == "10" ? "net10.0" : "net8.0";
        Assert.IsTrue(File.Exists(copy.PathOf($"obj/Debug/{framework}/migrations/efcore/ShopContext/20261202004318_AddLeads.down.sql")), "the generated SQL is in the report folder");
    }

    [TestMethod]
    [DataRow(
        "EfCore.BrokenDown", "10",
        "Migrations/20261202004520_AddLeads.cs(45,33): error MIG4002: The down of 20261202004520_AddLeads leaves index IX_Customers_Name on Customers behind: it did not exist before the up.")]
    [DataRow(
        "EfCore.BrokenDown", "9",
        "Migrations/20261202004520_AddLeads.cs(45,33): error MIG4002: The down of 20261202004520_AddLeads leaves index IX_Customers_Name on Customers behind: it did not exist before the up.")]
    [DataRow(
        "EfCore.BrokenDown", "8",
        "Migrations/20261202004520_AddLeads.cs(45,33): error MIG4002: The down of 20261202004520_AddLeads leaves index IX_Customers_Name on Customers behind: it did not exist before the up.")]
    [DataRow(
        "EfCore.PendingChange", "10",
        "Lead.cs(11,16): error MIG3002: Column Leads.Score is in the model, but missing after the migrations.\n"
        + "Lead.cs(11,16): error MIG3020: Property Lead.Score (column Leads.Score) is in the model, but no migration adds it: add a migration (dotnet ef migrations add NAME).")]
    public void A_broken_EF_Core_app_fails_with_its_errors_in_the_CSharp_files(string sample, string efMajor, string expected)
    {
        var copy = SampleCopy.Create(sample, $"{TestContext.TestName}_{sample}_{efMajor}");

        var result = copy.Build(Properties(efMajor));

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var expectedLines = expected.Split('\n').Select(line => $"{Path.Combine(copy.ProjectDirectory, line)} [{copy.ProjectFile}]").ToArray();
        CollectionAssert.AreEqual(expectedLines, result.MigrationErrors.ToArray(), result.ToString());
    }

    [TestMethod]
    public void A_Down_that_drops_the_wrong_index_is_reported_at_its_DropIndex_line()
    {
        var copy = SampleCopy.Create("EfCore.BrokenDown", TestContext.TestName!);
        var migration = copy.PathOf("Migrations/20261202004520_AddLeads.cs");
        var lines = File.ReadAllLines(migration);
        Assert.StartsWith("            // Broken on purpose", lines[46]);
        lines[46] = "            migrationBuilder.DropIndex(name: \"IX_Customers_Email\", table: \"Customers\");";
        lines[47] = string.Empty;
        File.WriteAllLines(migration, lines);

        var result = copy.Build();

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var expected = new[]
        {
            "Migrations/20261202004520_AddLeads.cs(45,33): error MIG4002: The down of 20261202004520_AddLeads leaves index IX_Customers_Name on Customers behind: it did not exist before the up.",
            "Migrations/20261202004520_AddLeads.cs(47,13): error MIG4003: The down of 20261202004520_AddLeads removes index IX_Customers_Email on Customers, which existed before the up.",
        }.Select(line => $"{Path.Combine(copy.ProjectDirectory, line)} [{copy.ProjectFile}]").ToArray();
        CollectionAssert.AreEquivalent(expected, result.MigrationErrors.ToArray(), result.ToString());
    }

    [TestMethod]
    public void An_EF_Core_app_without_the_Design_package_is_told_which_package_to_add()
    {
        var copy = SampleCopy.Create("EfCore.Sqlite", TestContext.TestName!);
        var project = File.ReadAllLines(copy.ProjectFile).Where(l => !l.Contains("Microsoft.EntityFrameworkCore.Design", StringComparison.Ordinal));
        File.WriteAllLines(copy.ProjectFile, project);

        var result = copy.Build();

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{copy.ProjectFile}(1,1): error MIG0020: EfCore.Sqlite does not reference Microsoft.EntityFrameworkCore.Design (version 10.0.15), which EF Core needs to read migrations at design time. Add <PackageReference Include=\"Microsoft.EntityFrameworkCore.Design\" Version=\"10.0.15\" PrivateAssets=\"all\" /> to the project.",
            },
            result.MigrationErrors.ToArray(),
            result.ToString());
    }

    [TestMethod]
    public void An_EF_Core_PostgreSql_app_is_checked_on_a_temporary_cluster()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")));
        if (!installed)
        {
            TestEnvironment.CannotRun("PostgreSQL server binaries are not installed (apt-get install postgresql, or scripts/install-postgres.sh).");
        }

        var copy = SampleCopy.Create("EfCore.PostgreSql", TestContext.TestName!);

        var result = copy.Build();

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(result.MigrationErrors, result.ToString());
        Assert.Contains("Migrations: 2 migrations on PostgreSQL — upgrade ok, drift 0, downgrades 2/2 proven", result.Output, result.ToString());
    }

    private static string[] Properties(string efMajor) => efMajor switch
    {
        "8" => EfCore8,
        "9" => EfCore9,
        _ => [],
    };
}
