namespace Migrations.Build.Diagnostics;

/// <summary>How a diagnostic affects the build.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
