using System.Text;
using System.Text.Encodings.Web;
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

    /// <summary>Renders the log. Files under <paramref name="baseDirectory"/> get URIs relative to it (with
    /// <c>uriBaseId</c> <c>%SRCROOT%</c>); other files get absolute <c>file:</c> URIs.</summary>
    public static string Render(ValidationResult result, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = result.Diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Code, index)).ToDictionary(r => r.Code, r => r.index, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
            foreach (var diagnostic in result.Diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Code], baseDirectory);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Utf8JsonWriter indents with the platform's newline (net8 has no option); string values escape their own
        // line breaks, so normalizing here touches only the layout and keeps the bytes the same on every OS.
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
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
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, string? baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        if (diagnostic.Location is { } location)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            WriteArtifactUri(json, location.Path, baseDirectory);
            json.WriteEndObject();
            if (location.Line >= 1)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", location.Line);
                json.WriteNumber("startColumn", Math.Max(location.Column, 1));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

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
