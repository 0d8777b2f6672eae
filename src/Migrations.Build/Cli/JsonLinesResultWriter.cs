using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>One JSON object per line for the MSBuild task (protocol in JsonLinesProtocol.md).</summary>
public sealed class JsonLinesResultWriter(TextWriter output) : IResultWriter
{
    private readonly object _gate = new();

    public void Progress(string message) => Write(writer =>
    {
        writer.WriteString("type", "progress");
        writer.WriteString("message", message);
    });

    public void Diagnostic(Diagnostic diagnostic) => Write(writer =>
    {
        writer.WriteString("type", "diagnostic");
        writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        writer.WriteString("code", diagnostic.Code);
        if (diagnostic.Location is { } location)
        {
            writer.WriteString("file", location.Path);
            writer.WriteNumber("line", location.Line);
            writer.WriteNumber("column", location.Column);
        }

        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("helpLink", diagnostic.Descriptor.HelpLink);
    });

    public void Summary(ValidationResult result) => Write(writer =>
    {
        writer.WriteString("type", "summary");
        writer.WriteString("message", SummaryLine.Render(result));
        writer.WriteNumber("errors", result.ErrorCount);
        writer.WriteNumber("warnings", result.WarningCount);
        writer.WriteNumber("migrations", result.Migrations.Count);
        writer.WriteNumber("elapsedMs", (long)result.Elapsed.TotalMilliseconds);
        writer.WriteStartArray("checks");
        foreach (var check in result.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("check", check.Check);
            writer.WriteString("status", check.Status.ToString().ToLowerInvariant());
            writer.WriteString("summary", check.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notVerifiable");
        foreach (var limit in result.NotVerifiable)
        {
            writer.WriteStringValue(limit);
        }

        writer.WriteEndArray();
    });

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
