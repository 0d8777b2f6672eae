using System.Runtime.InteropServices;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>The package carries a portable engine and one precompiled for .NET 10 on linux-x64; a build picks the one
/// its runtime can use, and either gives the same result.</summary>
[TestClass]
public sealed class EngineSelectionTests
{
    private const string Summary = "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven";

    public TestContext TestContext { get; set; } = null!;

    private static string PackageEngine(string folder) =>
        Path.Combine(PackageFeed.PackagesDirectory, "migrations.build", PackageFeed.Version.ToLowerInvariant(), "tools", folder, "Migrations.Build.dll");

    [TestMethod]
    public void A_build_on_linux_x64_with_the_NET_10_SDK_runs_the_precompiled_engine()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64 || Environment.Version.Major < 10)
        {
            Assert.Inconclusive($"The precompiled engine is for builds on .NET 10+ on linux-x64; this is {RuntimeInformation.RuntimeIdentifier} on .NET {Environment.Version}.");
        }

        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var result = sample.Build("-v:d");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains($"Running the migrations engine: ", result.Output, result.ToString());
        Assert.Contains(PackageEngine(Path.Combine("net10.0", "linux-x64")), result.Output, "the precompiled engine did not run");
        Assert.Contains(Summary, result.Output, result.ToString());
    }

    [TestMethod]
    public void The_portable_engine_gives_the_same_result_when_chosen()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        var portable = PackageEngine("net8.0");

        var result = sample.Build("-v:d", $"-p:MigrationsEnginePath={portable}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains($"Running the migrations engine: ", result.Output, result.ToString());
        Assert.Contains(portable, result.Output, "the portable engine did not run");
        Assert.Contains(Summary, result.Output, result.ToString());
    }
}
