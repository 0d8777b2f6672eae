using Migrations.Build.Schema;

namespace Migrations.Build.Providers;

/// <summary>What an engine can and cannot tell reliably; limitations are reported as "not verifiable on this engine".</summary>
public sealed record CapabilityProfile(ValueList<string> NotVerifiable)
{
    public static CapabilityProfile Complete { get; } = new(ValueList<string>.Empty);
}
