using Migrations.EfBridge.Export;

namespace Migrations.EfBridge;

/// <summary>A design-time failure with its kind (see <see cref="BridgeFailureKinds"/>), reported as the export's failure.</summary>
internal sealed class BridgeFailureException(string kind, string message) : Exception(message)
{
    public BridgeFailure Failure { get; } = new(kind, message);
}
