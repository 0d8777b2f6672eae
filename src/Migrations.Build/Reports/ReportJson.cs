using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Migrations.Build.Reports;

/// <summary>Renders one JSON report file (SARIF, GitLab Code Quality): indented, non-ASCII text as is, LF line ends.</summary>
internal static class ReportJson
{
    public static string Render(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(json);
        }

        // Utf8JsonWriter indents with the platform's newline (net8 has no option); string values escape their own
        // line breaks, so normalizing here touches only the layout and keeps the bytes the same on every OS.
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
