using Migrations.Build.Diagnostics;

namespace Migrations.Build.Providers;

/// <summary>The provider cannot start (bad connection string, unreachable server, no binaries): a user error
/// with a MIG0xxx code and a message that says what to change. Never carries a password.</summary>
public sealed class ProviderSetupException : Exception
{
    public ProviderSetupException(DiagnosticDescriptor descriptor, string message, Exception? inner = null)
        : base(message, inner)
    {
        Descriptor = descriptor;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Where the cause is, when it is in a file (a statement of the setup script); null: the project.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The failure as the diagnostic the run reports.</summary>
    public Diagnostic ToDiagnostic() => new(Descriptor, Message, Location);
}
