using Migrations.Build.Diagnostics;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>The diagnostic for each kind of design-time failure the bridge reports.</summary>
public static class EfBridgeFailures
{
    public static Diagnostic ToDiagnostic(BridgeFailure failure, SourceLocation at)
    {
        var descriptor = failure.Kind switch
        {
            BridgeFailureKinds.NoDesignPackage => DiagnosticCodes.EfDesignPackageMissing,
            BridgeFailureKinds.NoContext or BridgeFailureKinds.ContextNotFound => DiagnosticCodes.EfContextNotFound,
            BridgeFailureKinds.ContextCreationFailed => DiagnosticCodes.EfContextNotCreated,
            BridgeFailureKinds.UnsupportedEfVersion => DiagnosticCodes.EfVersionUnsupported,
            BridgeFailureKinds.NotRelational => DiagnosticCodes.EfProviderUnsupported,
            _ => DiagnosticCodes.EfBridgeFailed,
        };
        var message = descriptor == DiagnosticCodes.EfBridgeFailed ? $"The EF bridge failed: {failure.Message}" : failure.Message;
        return new Diagnostic(descriptor, message, at);
    }
}
