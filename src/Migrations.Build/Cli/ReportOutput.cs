using Migrations.Build.Checks;

namespace Migrations.Build.Cli;

/// <summary>Writes the report files of a run (filled in when the report writers land).</summary>
public static class ReportOutput
{
    public static void Write(ValidationResult result, string directory, IResultWriter writer)
    {
        _ = result;
        Directory.CreateDirectory(directory);
        writer.Progress($"reports: {directory}");
    }
}
