using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Cli;

/// <summary>The output boundary of what a run prints: every message passes through one <see cref="SecretRedactor"/>
/// that knows the run's connection string before the writer behind it (text or JSON lines) renders it, and has its
/// control characters escaped (<see cref="PrintableText"/>), so that no file name can print a line of its own.</summary>
public sealed class RedactingResultWriter(IResultWriter output, SecretRedactor redactor) : IResultWriter
{
    public void Progress(string message) => output.Progress(PrintableText.Escape(redactor.Redact(message)));

    public void Diagnostic(Diagnostic diagnostic) => output.Diagnostic(RedactedResult.Of(diagnostic, redactor));

    public void Summary(ValidationResult result) => output.Summary(RedactedResult.Of(result, redactor));
}
