namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The SQL Server samples, built as a consumer builds them with both packages (Migrations.Build and the
/// Migrations.Build.SqlServer add-on, whose DacFx comes from the restore): offline checks with a visible "not run",
/// a syntax error at its file and line, and nothing of DacFx in the app's output.</summary>
[TestClass]
public sealed class SqlServerSampleTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_healthy_SQL_Server_sample_passes_offline_with_the_server_checks_reported_as_not_run()
    {
        _ = PackageFeed.VersionWithSqlServer;
        var copy = SampleCopy.Create("SqlServer.Healthy", TestContext.TestName!);

        var result = copy.Build("-p:MigrationsConnectionString=", "-v:n");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(result.MigrationErrors, result.ToString());
        Assert.Contains($"{copy.ProjectFile} : warning MIG0031: The upgrade, drift and downgrade checks need a SQL Server and did not run", result.Output, result.ToString());
        Assert.Contains("Migrations: 3 migrations on SQL Server — T-SQL 6/6 scripts parse, model 4 objects valid, upgrade, drift and downgrades not run (no server: set MigrationsConnectionString)", result.Output, result.ToString());
        var output = Path.Combine(copy.ProjectDirectory, "bin", "Debug", "net10.0");
        Assert.IsFalse(Directory.EnumerateFiles(output).Any(f => Path.GetFileName(f).StartsWith("Microsoft.SqlServer", StringComparison.Ordinal)), "DacFx must not flow into the app's output");
    }

    [TestMethod]
    [DataRow("netstandard2.0")]
    public void A_project_on_an_older_framework_gets_DacFx_from_its_restore_and_passes_offline(string framework)
    {
        // SDK-style SQL projects are netstandard2.0 (and .NET Framework projects take the netstandard2.0 group): a
        // dependency group for net8.0 alone would restore no DacFx for them and the add-on would not start.
        // (net472 itself cannot be restored here: SqlClient's .NET Framework group needs Microsoft.Data.SqlClient.SNI,
        // which this machine's feed does not serve.)
        _ = PackageFeed.VersionWithSqlServer;
        var copy = SampleCopy.Create("SqlServer.Healthy", TestContext.TestName! + framework);
        File.Delete(copy.PathOf("Program.cs"));
        var project = File.ReadAllText(copy.ProjectFile);
        File.WriteAllText(copy.ProjectFile, project
            .Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal)
            .Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>", StringComparison.Ordinal));

        var result = copy.Build("-p:MigrationsConnectionString=");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsEmpty(result.MigrationErrors, result.ToString());
        Assert.Contains("Migrations: 3 migrations on SQL Server — T-SQL 6/6 scripts parse, model 4 objects valid", result.Output, result.ToString());
    }

    [TestMethod]
    public void The_SQL_Server_sample_with_a_typo_fails_offline_at_its_line_and_column()
    {
        _ = PackageFeed.VersionWithSqlServer;
        var copy = SampleCopy.Create("SqlServer.BrokenMigration", TestContext.TestName!);

        var result = copy.Build();

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { $"{Path.Combine(copy.ProjectDirectory, "Migrations", "0002_add_phone.up.sql")}(3,27): error MIG2030: An up script is not valid T-SQL for SQL Server 2025 (170): Incorrect syntax near 'NUL'. [{copy.ProjectFile}]" },
            result.MigrationErrors.ToArray(),
            result.ToString());
    }

    [TestMethod]
    public void A_SQL_Server_project_without_the_add_on_is_told_which_package_to_add()
    {
        var copy = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = copy.Build("-p:MigrationsProvider=SqlServer");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.IsTrue(
            result.MigrationErrors.Any(e => e.Contains("error MIG0030: The SQL Server provider is in the add-on package Migrations.Build.SqlServer, which this project does not reference.", StringComparison.Ordinal)),
            result.ToString());
    }
}
