namespace Migrations.Build.Diagnostics;

/// <summary>One entry of the diagnostic catalog: a code with one meaning forever and a one-line title.</summary>
public sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity DefaultSeverity)
{
    public const string DocumentationUrl = Cli.EngineProtocol.DocumentationUrl;

    /// <summary>The anchor of this code's entry in docs/diagnostics.md.</summary>
    public string HelpLink => $"{DocumentationUrl}#{Code.ToLowerInvariant()}";
}
