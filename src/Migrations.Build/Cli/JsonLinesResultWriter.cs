using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using static Migrations.Build.Cli.EngineProtocol;

namespace Migrations.Build.Cli;

/// <summary>One JSON object per line for the MSBuild task (protocol in JsonLinesProtocol.md, names in <see cref="EngineProtocol"/>).</summary>
public sealed class JsonLinesResultWriter(TextWriter output) : IResultWriter
{
    private readonly object _gate = new();

    public void Progress(string message) => Write(writer =>
    {
        writer.WriteString(Fields.Type, Kinds.Progress);
        writer.WriteString(Fields.Message, message);
    });

    public void Diagnostic(Diagnostic diagnostic) => Write(writer =>
    {
        writer.WriteString(Fields.Type, Kinds.Diagnostic);
        writer.WriteString(Fields.Severity, Severity(diagnostic.Severity));
        writer.WriteString(Fields.Code, diagnostic.Code);
        if (diagnostic.Location is { } location)
        {
            writer.WriteString(Fields.File, location.Path);
            writer.WriteNumber(Fields.Line, location.Line);
            writer.WriteNumber(Fields.Column, location.Column);
        }

        writer.WriteString(Fields.Message, diagnostic.Message);
        writer.WriteString(Fields.HelpLink, diagnostic.Descriptor.HelpLink);
    });

    public void Summary(ValidationResult result) => Write(writer =>
    {
        writer.WriteString(Fields.Type, Kinds.Summary);
        writer.WriteString(Fields.Message, SummaryLine.Render(result));
        writer.WriteNumber(Fields.Errors, result.ErrorCount);
        writer.WriteNumber(Fields.Warnings, result.WarningCount);
        writer.WriteNumber(Fields.Migrations, result.Migrations.Count);
        writer.WriteNumber(Fields.ElapsedMilliseconds, (long)result.Elapsed.TotalMilliseconds);
        writer.WriteStartArray(Fields.Checks);
        foreach (var check in result.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString(Fields.Check, check.Check);
            writer.WriteString(Fields.Status, check.Status.ToString().ToLowerInvariant());
            writer.WriteString(Fields.Summary, check.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Fields.NotVerifiable);
        foreach (var limit in result.NotVerifiable)
        {
            writer.WriteStringValue(limit);
        }

        writer.WriteEndArray();
    });

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Severities.Error,
        DiagnosticSeverity.Warning => Severities.Warning,
        _ => Severities.Info,
    };

    private void Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        lock (_gate)
        {
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            output.Flush();
        }
    }
}
