using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>Renders a validation result as a GitLab Code Quality report (<c>artifacts:reports:codequality</c>): one
/// issue per diagnostic, shown in the merge request's widget and diff.</summary>
/// <remarks>GitLab needs per issue a description, a check name, a fingerprint (which issue is the same in the next
/// pipeline: from the rule, the file and the message, never the line), a severity and a location with a path relative
/// to the repository root and a first line.</remarks>
public static class CodeQualityWriter
{
    public static string Render(ValidationResult result, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics);
        var places = diagnostics.Select(d => FindingPlace.Of(d, result.Request)).ToList();
        var paths = places.Select(p => FindingPlace.DisplayPath(p, baseDirectory)).ToList();
        var fingerprints = FindingFingerprint.ForAll(diagnostics, paths);

        return ReportJson.Render(json =>
        {
            json.WriteStartArray();
            for (var i = 0; i < diagnostics.Count; i++)
            {
                var diagnostic = diagnostics[i];
                json.WriteStartObject();
                json.WriteString("description", $"{diagnostic.Code}: {diagnostic.Message}");
                json.WriteString("check_name", diagnostic.Code);
                json.WriteString("fingerprint", fingerprints[i]);
                json.WriteString("severity", Severity(diagnostic.Severity));
                json.WriteStartArray("categories");
                json.WriteStringValue("Bug Risk");
                json.WriteEndArray();
                json.WriteStartObject("location");
                json.WriteString("path", paths[i]);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", Math.Max(places[i].Line, 1));
                if (places[i].EndLine is { } end && end > places[i].Line)
                {
                    json.WriteNumber("end", end);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>GitLab's scale (info, minor, major, critical, blocker): an error fails the build, so it is critical;
    /// a warning is minor; an info (something not verifiable) is info.</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "critical",
        DiagnosticSeverity.Warning => "minor",
        _ => "info",
    };
}
