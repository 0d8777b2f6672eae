using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary><c>dotnet msbuild -t:ValidateMigrations</c> runs the check on its own: no compile, and even when the
/// build's check is up to date (a person asked for it).</summary>
[TestClass]
public sealed partial class ValidateMigrationsTargetTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_target_alone_runs_the_check_and_fails_with_its_error()
    {
        var sample = SampleCopy.Create("Broken.FailingUp", TestContext.TestName!);

        var result = RunTarget(sample, "-restore");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        CollectionAssert.AreEqual(
            new[] { $"{sample.PathOf("Migrations/0002_create_orders.up.sql")}(8,1): error MIG2001: Migration 0002_create_orders failed: no such table: legacy_orders [{sample.ProjectFile}]" },
            ErrorLines(result),
            result.Output);
        Assert.IsFalse(Directory.Exists(sample.PathOf("bin")), "the target alone built the project");
    }

    [TestMethod]
    public void The_target_alone_runs_even_when_the_builds_check_is_up_to_date()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var build = sample.Build();
        Assert.AreEqual(0, build.ExitCode, build.ToString());

        var result = RunTarget(sample);

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.Contains("Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven", result.Output, result.Output);
        Assert.DoesNotContain("Skipping target \"ValidateSqlMigrations\"", result.Output, result.Output);
    }

    [TestMethod]
    public void The_target_alone_on_an_EF_Core_project_builds_it_and_runs_the_EF_Core_check_even_when_up_to_date()
    {
        // The EF check reads the built assembly, so asking for it builds the project (as `dotnet ef` does); it must not
        // fall back to reading Migrations/ as a folder of SQL scripts, and it runs although the build's check just ran.
        var sample = SampleCopy.Create("EfCore.BrokenDown", TestContext.TestName!);
        var build = sample.Build();
        Assert.AreEqual(1, build.ExitCode, build.ToString());

        var result = RunTarget(sample, "-restore");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        CollectionAssert.AreEqual(
            new[] { $"{sample.PathOf("Migrations/20261202004520_AddLeads.cs")}(45,33): error MIG4002: The down of 20261202004520_AddLeads leaves index IX_Customers_Name on Customers behind: it did not exist before the up. [{sample.ProjectFile}]" },
            ErrorLines(result),
            result.Output);
        Assert.DoesNotContain("MIG1004", result.Output, "the EF migrations' .cs files were read as SQL scripts");
    }

    private static CommandResult RunTarget(SampleCopy sample, params string[] arguments) =>
        DotnetCommand.Run(
            sample.Root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory },
            ["msbuild", sample.ProjectFile, "-t:ValidateMigrations", "-nodeReuse:false", "-tl:off", "-v:n", $"-p:MigrationsBuildVersion={PackageFeed.Version}", .. arguments]);

    /// <summary>The MIG error lines of the console output without the node prefix (<c>1&gt;</c>), each once (MSBuild
    /// repeats errors in its closing summary).</summary>
    private static string[] ErrorLines(CommandResult result) =>
        result.Output.ReplaceLineEndings("\n").Split('\n')
            .Select(line => NodePrefix().Replace(line, string.Empty).Trim())
            .Where(line => line.Contains(": error MIG", StringComparison.Ordinal))
            .Distinct()
            .ToArray();

    [GeneratedRegex(@"^\s*\d+(:\d+)?>")]
    private static partial Regex NodePrefix();
}
