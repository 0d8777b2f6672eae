using Migrations.Build.Diagnostics;

namespace Migrations.Build.Tool;

/// <summary>A user error of the tool (no project, MSBuild could not read it): printed as its diagnostic line, never
/// as a stack trace.</summary>
internal sealed class ToolProblem(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
