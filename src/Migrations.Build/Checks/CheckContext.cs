using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks;

/// <summary>What the checks of one run share: the request, the provider and where each check reports.</summary>
public sealed class CheckContext(ValidationRequest request, IDatabaseProvider provider, Action<string>? progress = null)
{
    public ValidationRequest Request { get; } = request;

    public IDatabaseProvider Provider { get; } = provider;

    public List<Diagnostic> History { get; } = [];

    public List<Diagnostic> Upgrade { get; } = [];

    public List<Diagnostic> Drift { get; } = [];

    public List<Diagnostic> Downgrade { get; } = [];

    public void Progress(string message) => progress?.Invoke(message);
}
