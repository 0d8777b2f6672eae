namespace Migrations.Build.Diagnostics;

/// <summary>A finding of a check, located at a source file where one is known.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Message, SourceLocation? Location, DiagnosticSeverity Severity)
{
    public Diagnostic(DiagnosticDescriptor descriptor, string message, SourceLocation? location = null)
        : this(descriptor, message, location, descriptor.DefaultSeverity)
    {
    }

    public string Code => Descriptor.Code;

    /// <summary>What the one-line message leaves out, for the reports that have room for it (the whole texts of a
    /// changed definition, as a unified diff); null for most findings. Never printed on the build's line.</summary>
    public string? Details { get; init; }

    /// <summary>The canonical line: <c>path(line,col): error MIG2001: message</c> (MSBuild's canonical error format).</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var origin = Location is null ? "Migrations.Build" : Location.ToString();
        return $"{origin}: {severity} {Code}: {Message}";
    }
}
