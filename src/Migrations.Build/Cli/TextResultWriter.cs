using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Canonical <c>path(line,col): error MIG2001: message</c> lines and the summary, for a person at a terminal.</summary>
public sealed class TextResultWriter(TextWriter output, bool verbose) : IResultWriter
{
    public void Progress(string message)
    {
        if (verbose)
        {
            output.WriteLine(message);
        }
    }

    public void Diagnostic(Diagnostic diagnostic)
    {
        if (diagnostic.Severity != DiagnosticSeverity.Info || verbose)
        {
            output.WriteLine(diagnostic.ToString());
        }
    }

    public void Summary(ValidationResult result)
    {
        output.WriteLine(SummaryLine.Render(result));
        foreach (var check in result.Checks.Where(c => c.Status == CheckStatus.NotRun))
        {
            output.WriteLine($"  {check.Check}: {check.Summary}");
        }

        if (verbose)
        {
            foreach (var limit in result.NotVerifiable)
            {
                output.WriteLine($"  not verifiable on {result.ProviderName}: {limit}");
            }
        }
    }
}
