namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Several projects with the package build side by side (<c>dotnet build -m</c>), each with its own result.</summary>
[TestClass]
public sealed class ParallelBuildTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void A_solution_of_three_samples_builds_in_parallel_and_reports_only_the_broken_one()
    {
        var samples = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        samples.AddSample("Pending.TableWithoutMigration");
        samples.AddSample("Broken.MisnamedIndexDown");
        var solution = Path.Combine(samples.Root, "Samples.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="Healthy.Sqlite/Healthy.Sqlite.csproj" />
              <Project Path="Pending.TableWithoutMigration/Pending.TableWithoutMigration.csproj" />
              <Project Path="Broken.MisnamedIndexDown/Broken.MisnamedIndexDown.csproj" />
            </Solution>
            """);

        var result = samples.BuildTarget(solution, "-m");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var brokenProject = Path.Combine(samples.Root, "Broken.MisnamedIndexDown", "Broken.MisnamedIndexDown.csproj");
        Assert.IsNotEmpty(result.MigrationErrors, result.ToString());
        Assert.IsTrue(result.MigrationErrors.All(line => line.EndsWith($"[{brokenProject}]", StringComparison.Ordinal)), result.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(samples.Root, "Healthy.Sqlite", "bin", "Debug", "net10.0", "Healthy.Sqlite.dll")), result.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(samples.Root, "Pending.TableWithoutMigration", "bin", "Debug", "net10.0", "Pending.TableWithoutMigration.dll")), result.ToString());
    }
}
