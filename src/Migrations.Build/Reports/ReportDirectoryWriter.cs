using System.Text;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>Writes the report files of one run into a folder: schema snapshots, the Markdown summary, SARIF (code
/// scanning), JUnit XML (CI test tabs) and a GitLab Code Quality report; diagnostics most important first in each.</summary>
/// <remarks>The output boundary of what a run writes: every file passes through one <see cref="SecretRedactor"/> that
/// knows the run's connection string (<see cref="ValidationRequest.ConnectionString"/>).</remarks>
public static class ReportDirectoryWriter
{
    public const string SchemaSnapshotFileName = "schema.snapshot.txt";

    public const string ModelSnapshotFileName = "model.snapshot.txt";

    public const string SummaryFileName = "summary.md";

    public const string SarifFileName = "migrations.sarif";

    public const string JUnitFileName = "junit.xml";

    public const string CodeQualityFileName = "codequality.json";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the reports with locations relative to the source root: the repository root the request names,
    /// else the nearest folder upwards with <c>.git</c>, else the project folder (<see cref="SourceRoot"/>).</summary>
    public static IReadOnlyList<string> Write(ValidationResult result, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(result, directory, SourceRoot.For(result.Request), cancellationToken);
    }

    /// <summary>Writes the reports and returns the full paths written. A snapshot whose schema is missing (the upgrade
    /// failed, no model) is not written, and one left by an earlier run is deleted so it cannot be mistaken for this run's.</summary>
    public static IReadOnlyList<string> Write(ValidationResult result, string directory, string baseDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var redactor = SecretRedactor.For(result.Request.ConnectionString);
        result = RedactedResult.Of(result, redactor);
        result = result with { Diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics) };

        var files = new List<(string Name, Func<string>? Render)>
        {
            (SchemaSnapshotFileName, result.MigratedSchema is { } migrated ? () => SchemaSnapshotWriter.Render(migrated) : null),
            (ModelSnapshotFileName, result.ModelSchema is { } model ? () => SchemaSnapshotWriter.Render(model) : null),
            (SummaryFileName, () => MarkdownReportWriter.Render(result, baseDirectory)),
            (SarifFileName, () => SarifWriter.Render(result, baseDirectory)),
            (JUnitFileName, () => JUnitWriter.Render(result, baseDirectory)),
            (CodeQualityFileName, () => CodeQualityWriter.Render(result, baseDirectory)),
        };

        var written = new List<string>();
        foreach (var (name, render) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, name);
            if (render is null)
            {
                File.Delete(path);
                continue;
            }

            WriteAtomically(path, redactor.Redact(render()));
            written.Add(path);
        }

        return written;
    }

    /// <summary>Writes a temporary file beside the target and moves it over the target, so a run stopped halfway
    /// leaves either the old file or the new one, never half of one.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, Utf8WithoutBom);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
