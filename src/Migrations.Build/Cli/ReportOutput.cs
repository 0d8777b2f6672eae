using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Cli;

/// <summary>Writes the report files of a run, and its Markdown summary to GitHub's job page when the run is a
/// GitHub Actions step; a file system error becomes a warning, never a crash.</summary>
public static class ReportOutput
{
    /// <summary>The file GitHub Actions shows on the job's summary page; steps append to it.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public static void Write(ValidationResult result, string directory, IResultWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        IReadOnlyList<string> written;
        try
        {
            written = ReportDirectoryWriter.Write(result, directory, cancellationToken);
            writer.Progress($"reports: {string.Join(", ", written)}");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            writer.Diagnostic(new Diagnostic(
                DiagnosticCodes.ReportNotWritten,
                $"The reports could not be written to '{directory}': {failure.Message}",
                new SourceLocation(directory)));
            return;
        }

        AppendStepSummary(written, writer);
    }

    /// <summary>Appends summary.md (as written: secrets already masked) to <c>$GITHUB_STEP_SUMMARY</c>, after whatever
    /// earlier steps or projects put there; never overwrites it.</summary>
    private static void AppendStepSummary(IReadOnlyList<string> written, IResultWriter writer)
    {
        var target = Environment.GetEnvironmentVariable(StepSummaryVariable);
        var summary = written.FirstOrDefault(p => Path.GetFileName(p) == ReportDirectoryWriter.SummaryFileName);
        if (string.IsNullOrWhiteSpace(target) || summary is null)
        {
            return;
        }

        try
        {
            // A blank line first, so this summary never runs into the end of the one before it.
            File.AppendAllText(target, "\n" + File.ReadAllText(summary));
            writer.Progress($"summary appended to {StepSummaryVariable}");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            writer.Diagnostic(new Diagnostic(
                DiagnosticCodes.StepSummaryNotWritten,
                $"The summary could not be appended to {StepSummaryVariable} ('{target}'): {failure.Message}",
                new SourceLocation(summary)));
        }
    }
}
