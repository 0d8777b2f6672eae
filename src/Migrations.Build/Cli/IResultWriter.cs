using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Renders a run's output: for people (text) or for the MSBuild task (JSON lines).</summary>
public interface IResultWriter
{
    void Progress(string message);

    void Diagnostic(Diagnostic diagnostic);

    void Summary(ValidationResult result);
}
