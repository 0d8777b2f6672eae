using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Cli;

/// <summary>Writes the report files of a run; a file system error becomes a warning, never a crash.</summary>
public static class ReportOutput
{
    public static void Write(ValidationResult result, string directory, IResultWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            var written = ReportDirectoryWriter.Write(result, directory, cancellationToken);
            writer.Progress($"reports: {string.Join(", ", written)}");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            writer.Diagnostic(new Diagnostic(
                DiagnosticCodes.ReportNotWritten,
                $"The reports could not be written to '{directory}': {failure.Message}",
                new SourceLocation(directory)));
        }
    }
}
