using System.Diagnostics;

namespace Migrations.Build.SqlServer.Tests.Cli;

/// <summary>The add-on's command line takes the T-SQL version as the build's MigrationsSqlServerVersion does, so the
/// check run by hand parses exactly as the build's.</summary>
[TestClass]
public sealed class SqlServerVersionOptionTests
{
    // CREATE OR ALTER came with SQL Server 2016 SP1 (parser 130).
    private const string CreateOrAlter = "CREATE OR ALTER VIEW dbo.v AS SELECT 1 AS one;\nGO\n";

    [TestMethod]
    public void An_older_version_given_on_the_command_line_refuses_newer_syntax_at_its_place()
    {
        using var folder = new TemporaryDirectory();
        var up = folder.Write("Migrations/0001_view.up.sql", CreateOrAlter);
        folder.Write("Migrations/0001_view.down.sql", "DROP VIEW dbo.v;\nGO\n");

        var (exitCode, output) = RunAddOn(folder, "--sqlserver-version", "2014");

        Assert.AreEqual(1, exitCode, output);
        Assert.Contains($"{up}(1,", output);
        Assert.Contains("error MIG2030: An up script is not valid T-SQL for SQL Server 2014 (120)", output);
    }

    [TestMethod]
    public void The_version_that_has_the_syntax_passes_offline()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Migrations/0001_view.up.sql", CreateOrAlter);
        folder.Write("Migrations/0001_view.down.sql", "DROP VIEW dbo.v;\nGO\n");

        var (exitCode, output) = RunAddOn(folder, "--sqlserver-version", "2016");

        Assert.AreEqual(0, exitCode, output);
        Assert.DoesNotContain("MIG2030", output);
    }

    [TestMethod]
    public void An_unknown_version_is_MIG0006_naming_what_is_accepted()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Migrations/0001_view.up.sql", CreateOrAlter);

        var (exitCode, output) = RunAddOn(folder, "--sqlserver-version", "2000");

        Assert.AreEqual(2, exitCode, output);
        Assert.Contains("error MIG0006: MigrationsSqlServerVersion '2000' is not a SQL Server version.", output);
    }

    private static (int ExitCode, string Output) RunAddOn(TemporaryDirectory folder, params string[] extra)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Migrations.Build.SqlServer.dll"));
        foreach (var argument in (string[])["check", "--provider", "SqlServer", "--migrations", Path.Combine(folder.Path, "Migrations"), .. extra])
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Offline, and with no version from the environment: the option alone decides.
        startInfo.Environment.Remove("MIGRATIONS_CONNECTION_STRING");
        startInfo.Environment.Remove("MIGRATIONS_SQLSERVER_VERSION");
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
