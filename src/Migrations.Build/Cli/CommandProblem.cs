using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>A user error that stops a command (an unknown version, a missing folder, a failing up): printed as its
/// diagnostics, never as a stack trace.</summary>
internal sealed class CommandProblem(IReadOnlyList<Diagnostic> diagnostics, int exitCode)
    : Exception(string.Join(Environment.NewLine, diagnostics.Select(d => d.Message)))
{
    public CommandProblem(Diagnostic diagnostic)
        : this([diagnostic], EngineProtocol.ExitCodes.UsageError)
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary><see cref="EngineProtocol.ExitCodes.UsageError"/> for a configuration problem, else
    /// <see cref="EngineProtocol.ExitCodes.ChecksFailed"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
