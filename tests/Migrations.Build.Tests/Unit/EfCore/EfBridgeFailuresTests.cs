using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Tests.Unit.EfCore;

/// <summary>Each design-time failure of the bridge has its own configuration code.</summary>
[TestClass]
public sealed class EfBridgeFailuresTests
{
    [TestMethod]
    [DataRow(BridgeFailureKinds.NoDesignPackage, "MIG0020")]
    [DataRow(BridgeFailureKinds.NoContext, "MIG0021")]
    [DataRow(BridgeFailureKinds.ContextNotFound, "MIG0021")]
    [DataRow(BridgeFailureKinds.ContextCreationFailed, "MIG0022")]
    [DataRow(BridgeFailureKinds.UnsupportedEfVersion, "MIG0023")]
    [DataRow(BridgeFailureKinds.NotRelational, "MIG0026")]
    [DataRow(BridgeFailureKinds.ExportFailed, "MIG0025")]
    public void A_failure_kind_maps_to_its_code(string kind, string code)
    {
        var diagnostic = EfBridgeFailures.ToDiagnostic(new BridgeFailure(kind, "what EF said"), new SourceLocation("Shop.csproj"));

        Assert.AreEqual(code, diagnostic.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.EndsWith("what EF said", diagnostic.Message);
    }

    [TestMethod]
    public void A_project_without_a_runtimeconfig_is_reported_as_not_runnable_at_design_time()
    {
        var folder = Directory.CreateTempSubdirectory("migrations-efbridge-");
        try
        {
            var assembly = Path.Combine(folder.FullName, "Shop.dll");
            File.WriteAllBytes(assembly, [0]);

            var (export, problem) = EfBridgeRun.Read(new EfCoreProject(assembly, folder.FullName) { ProjectFile = "Shop.csproj" }, CancellationToken.None);

            Assert.IsNull(export);
            Assert.AreEqual(
                $"Shop.csproj(1,1): error MIG0024: {assembly} has no Shop.runtimeconfig.json and Shop.deps.json beside it: the EF Core migrations of a .NET Framework or netstandard project cannot be read. Check them from a .NET 8 (or later) project, or set GenerateRuntimeConfigurationFiles to true in a library.",
                problem!.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
