using System.Globalization;
using System.Text;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>Renders a validation result as a Markdown summary for a pull request or a CI job page (GitHub's step
/// summary): checks, the most important diagnostics first, and an ER diagram.</summary>
public static class MarkdownReportWriter
{
    /// <summary>Rows of the diagnostics table; the rest are counted, and every report file has them all. A job page
    /// is read, not searched: the first rows are the ones that matter (<see cref="DiagnosticOrder"/>).</summary>
    public const int MaxDiagnosticRows = 50;

    /// <summary>Renders the summary. Locations under <paramref name="baseDirectory"/> are shown relative to it.</summary>
    public static string Render(ValidationResult result, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var failed = result.ErrorCount > 0 || result.Checks.Any(c => c.Status == CheckStatus.Failed);
        text.Append("# Migrations.Build: ").Append(failed ? "❌ failed" : "✅ passed").Append("\n\n");
        text.Append("Provider: **").Append(Cell(result.ProviderName)).Append("** · ")
            .Append(Count(result.Migrations.Count, "migration", "migrations")).Append(" · ")
            .Append(Count(result.ErrorCount, "error", "errors")).Append(" · ")
            .Append(Count(result.WarningCount, "warning", "warnings")).Append(" · ")
            .Append(Count(result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info), "message", "messages")).Append(" · ")
            .Append(result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append(" s\n");

        AppendChecks(text, result);
        AppendDiagnostics(text, result, baseDirectory);
        AppendDetails(text, result, baseDirectory);
        AppendDiagram(text, result);
        return text.ToString();
    }

    private static void AppendChecks(StringBuilder text, ValidationResult result)
    {
        text.Append("\n## Checks\n\n");
        if (result.Checks.Count == 0)
        {
            text.Append("No check ran.\n");
            return;
        }

        text.Append("| Check | Status | Summary |\n| --- | --- | --- |\n");
        foreach (var check in result.Checks)
        {
            var status = check.Status switch
            {
                CheckStatus.Passed => "✅ passed",
                CheckStatus.Failed => "❌ failed",
                _ => "⏭️ not run",
            };
            text.Append("| ").Append(Cell(check.Check)).Append(" | ").Append(status).Append(" | ").Append(Cell(check.Summary)).Append(" |\n");
        }
    }

    private static void AppendDiagnostics(StringBuilder text, ValidationResult result, string? baseDirectory)
    {
        text.Append("\n## Diagnostics\n\n");
        if (result.Diagnostics.Count == 0)
        {
            text.Append("No diagnostics.\n");
            return;
        }

        text.Append("| Severity | Code | Location | Message |\n| --- | --- | --- | --- |\n");
        var diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics);
        foreach (var diagnostic in diagnostics.Take(MaxDiagnosticRows))
        {
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "❌ error",
                DiagnosticSeverity.Warning => "⚠️ warning",
                _ => "ℹ️ info",
            };
            text.Append("| ").Append(severity)
                .Append(" | [").Append(diagnostic.Code).Append("](").Append(diagnostic.Descriptor.HelpLink).Append(')')
                .Append(" | ").Append(Location(diagnostic.Location, baseDirectory))
                .Append(" | ").Append(Cell(diagnostic.Message)).Append(" |\n");
        }

        if (diagnostics.Count > MaxDiagnosticRows)
        {
            text.Append("\n").Append(Count(diagnostics.Count - MaxDiagnosticRows, "more diagnostic", "more diagnostics"))
                .Append(" in `migrations.sarif`, `junit.xml` and `codequality.json`.\n");
        }
    }

    /// <summary>The whole texts the messages above cut to their changed lines, one folded block a finding, in the
    /// table's order.</summary>
    private static void AppendDetails(StringBuilder text, ValidationResult result, string? baseDirectory)
    {
        var detailed = DiagnosticOrder.MostImportantFirst(result.Diagnostics).Take(MaxDiagnosticRows).Where(d => d.Details is not null).ToList();
        if (detailed.Count == 0)
        {
            return;
        }

        text.Append("\n## Whole definitions\n");
        foreach (var diagnostic in detailed)
        {
            var fence = CodeFence(diagnostic.Details!);
            text.Append("\n<details><summary>").Append(diagnostic.Code).Append(" at ").Append(Cell(PlainLocation(diagnostic.Location, baseDirectory)))
                .Append("</summary>\n\n").Append(fence).Append("diff\n").Append(diagnostic.Details).Append('\n').Append(fence).Append("\n\n</details>\n");
        }
    }

    /// <summary>A fence longer than any run of backticks in the text, so the text cannot close it.</summary>
    private static string CodeFence(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

    private static string PlainLocation(SourceLocation? location, string? baseDirectory) => location is null
        ? "—"
        : ReportPath.ForDisplay(location.Path, baseDirectory) + ":" + location.Line.ToString(CultureInfo.InvariantCulture);

    private static void AppendDiagram(StringBuilder text, ValidationResult result)
    {
        text.Append("\n## Schema\n\n");
        var (schema, which) = result.MigratedSchema is { } migrated ? (migrated, "migrated schema")
            : result.ModelSchema is { } model ? (model, "model schema")
            : (null, "schema");
        if (schema is null)
        {
            text.Append("No schema to draw: the migrations did not apply and no model was read.\n");
            return;
        }

        var diagram = MermaidErDiagram.Render(schema);
        if (diagram is null)
        {
            text.Append("No diagram: the ").Append(which).Append(" has no tables.\n");
            return;
        }

        if (diagram.Length > MermaidErDiagram.MaxTextSize)
        {
            text.Append("No diagram: the ").Append(which).Append(" has ").Append(Count(schema.Tables.Count, "table", "tables"))
                .Append(", more than Mermaid draws; see `schema.snapshot.txt`.\n");
            return;
        }

        text.Append("Tables and foreign keys of the ").Append(which).Append(" (").Append(Count(schema.Tables.Count, "table", "tables")).Append(").\n\n");
        text.Append("```mermaid\n").Append(diagram).Append("```\n");
    }

    private static string Location(SourceLocation? location, string? baseDirectory)
    {
        if (location is null)
        {
            return "—";
        }

        var place = PlainLocation(location, baseDirectory);
        return place.Contains('`', StringComparison.Ordinal) ? Cell(place) : "`" + place.Replace("|", "\\|", StringComparison.Ordinal) + "`";
    }

    /// <summary>Text safe inside a table cell: no line breaks, no column separators, no raw HTML.</summary>
    private static string Cell(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .ReplaceLineEndings("<br>");

    private static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
