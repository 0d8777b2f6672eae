using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>What one check returns: how it ended and what it found.</summary>
public sealed record CheckReport(CheckOutcome Outcome, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>A report whose status follows its diagnostics: failed when any is an error.</summary>
    public static CheckReport Of(string check, IEnumerable<Diagnostic> diagnostics, string summary)
    {
        var list = diagnostics.ToValueList();
        var failed = list.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new CheckReport(new CheckOutcome(check, failed ? CheckStatus.Failed : CheckStatus.Passed, summary), list);
    }

    /// <summary>A check that could not run, with why (plus what it found before it stopped, if anything).</summary>
    public static CheckReport NotRun(string check, string summary, IEnumerable<Diagnostic>? diagnostics = null) =>
        new(new CheckOutcome(check, CheckStatus.NotRun, summary), (diagnostics ?? []).ToValueList());
}
