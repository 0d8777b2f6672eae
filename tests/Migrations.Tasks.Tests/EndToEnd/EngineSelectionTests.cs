using System.Runtime.InteropServices;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The package carries a portable engine and a native one for linux-x64; a build picks the native one where it
/// runs, and either gives the same result.</summary>
[TestClass]
public sealed class EngineSelectionTests
{
    private const string Summary = "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven";

    public TestContext TestContext { get; set; } = null!;

    private static string PackageEngine(string folder, string file) =>
        Path.Combine(PackageFeed.PackagesDirectory, "migrations.build", PackageFeed.Version.ToLowerInvariant(), "tools", folder, file);

    [TestMethod]
    public void A_build_on_linux_x64_runs_the_native_engine()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Inconclusive($"The native engine is for linux-x64; this is {RuntimeInformation.RuntimeIdentifier}.");
        }

        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = sample.Build("-v:d");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains($"Running the migrations engine: ", result.Output, result.ToString());
        Assert.Contains($"Running the migrations engine: {PackageEngine("linux-x64", "Migrations.Build")} check", result.Output, "the native engine did not run");
        Assert.Contains(Summary, result.Output, result.ToString());
    }

    [TestMethod]
    public void The_portable_engine_gives_the_same_result_when_chosen()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var portable = PackageEngine("net8.0", "Migrations.Build.dll");

        var result = sample.Build("-v:d", $"-p:MigrationsEnginePath={portable}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains($"Running the migrations engine: ", result.Output, result.ToString());
        Assert.Contains(portable, result.Output, "the portable engine did not run");
        Assert.Contains(Summary, result.Output, result.ToString());
    }
}
