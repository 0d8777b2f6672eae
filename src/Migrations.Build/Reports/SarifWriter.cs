using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>Renders a validation result as SARIF 2.1.0, the format code-scanning tools (GitHub, Azure DevOps) read.</summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base id that relative artifact URIs are resolved against (the conventional source root).</summary>
    public const string SourceRootBaseId = "%SRCROOT%";

    private const string ToolName = "Migrations.Build";

    private const string InformationUri = "https://github.com/migrations-build/migrations-build";

    /// <summary>Renders the log. Files under <paramref name="baseDirectory"/> (the source root, normally the
    /// repository) get URIs relative to it (with <c>uriBaseId</c> <c>%SRCROOT%</c>); other files get absolute
    /// <c>file:</c> URIs. A diagnostic that belongs to no file is placed at the project file (or the migrations
    /// folder), since code scanning drops a result without a location.</summary>
    public static string Render(ValidationResult result, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics);
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Code, index)).ToDictionary(r => r.Code, r => r.index, StringComparer.Ordinal);
        var places = diagnostics.Select(d => FindingPlace.Of(d, result.Request)).ToList();
        var fingerprints = FindingFingerprint.ForAll(diagnostics, places.Select(p => FindingPlace.DisplayPath(p, baseDirectory)).ToList());

        return ReportJson.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            if (baseDirectory is not null)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(SourceRootBaseId);
                json.WriteString("uri", DirectoryUri(baseDirectory));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteStartArray("results");
            for (var i = 0; i < diagnostics.Count; i++)
            {
                var diagnostic = diagnostics[i];
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Code], places[i], fingerprints[i], baseDirectory);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>SARIF's level for a severity: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, IEnumerable<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolName);
        json.WriteString("semanticVersion", EngineVersion.Current);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            var entry = DiagnosticDocumentation.For(rule);
            json.WriteString("id", rule.Code);
            json.WriteString("name", RuleName(rule));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", Sentence(rule.Title));
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", Sentence(entry.Description));
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("help");
            json.WriteString("text", $"{Sentence(entry.Description)} See {rule.HelpLink}");
            json.WriteString("markdown", $"{entry.Markdown}\n\n[{rule.Code} in the documentation]({rule.HelpLink})");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("migrations");
            json.WriteStringValue(Family(rule.Code));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, SourceLocation location, string fingerprint, string? baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", Sentence(diagnostic.Message));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        WriteArtifactUri(json, location.Path, baseDirectory);
        json.WriteEndObject();

        // Always a region: the multitool's SARIF2017 asks for one even where only the file is known (then line 1).
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(location.Line, 1));
        json.WriteNumber("startColumn", Math.Max(location.Column, 1));
        if (location.EndLine is { } endLine && endLine >= location.Line)
        {
            json.WriteNumber("endLine", endLine);
            if (location.EndColumn is { } endColumn)
            {
                json.WriteNumber("endColumn", Math.Max(endColumn, 1));
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FindingFingerprint.SarifKey, fingerprint);
        json.WriteEndObject();
        if (diagnostic.Details is { } details)
        {
            json.WriteStartObject("properties");
            json.WriteString("details", details);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>SARIF asks for messages that are whole sentences (rule SARIF2001): a final period where there is none
    /// (a paragraph that introduces an example ends with a colon, which becomes the period).</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed
            : trimmed[^1] == ':' ? trimmed[..^1] + "."
            : trimmed + ".";
    }

    /// <summary>A rule's name in Pascal case from its title (<c>UpScriptFailedToApply</c>), as SARIF viewers show it.</summary>
    private static string RuleName(DiagnosticDescriptor rule) => string.Concat(rule.Title
        .Split([' ', '-', '\'', '(', ')', ',', '/', '.', ':'], StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string Family(string code) => code.Length < 4 ? "other" : code[3] switch
    {
        '0' => "configuration",
        '1' => "history",
        '2' => "upgrade",
        '3' => "drift",
        '4' => "downgrade",
        '5' => "lint",
        '9' => "internal",
        _ => "other",
    };

    private static void WriteArtifactUri(Utf8JsonWriter json, string path, string? baseDirectory)
    {
        var relative = baseDirectory is null
            ? (Path.IsPathRooted(path) ? null : path.Replace('\\', '/'))
            : ReportPath.RelativeTo(path, baseDirectory);
        if (relative is null)
        {
            json.WriteString("uri", new Uri(Path.GetFullPath(path)).AbsoluteUri);
            return;
        }

        json.WriteString("uri", string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
        if (baseDirectory is not null)
        {
            json.WriteString("uriBaseId", SourceRootBaseId);
        }
    }

    private static string DirectoryUri(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        return new Uri(full).AbsoluteUri;
    }
}
