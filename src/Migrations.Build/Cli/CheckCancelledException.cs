using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>The run was cancelled; <see cref="LeftBehind"/> says what its cleanup could not drop (MIG0013), so that the
/// cancel does not claim to have dropped everything when it did not.</summary>
public sealed class CheckCancelledException(IReadOnlyList<Diagnostic> leftBehind, CancellationToken cancellationToken)
    : OperationCanceledException("The check was cancelled.", cancellationToken)
{
    public IReadOnlyList<Diagnostic> LeftBehind { get; } = leftBehind;
}
