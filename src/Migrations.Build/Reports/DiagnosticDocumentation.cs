using System.Text;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>The entries of docs/diagnostics.md (embedded in the engine), for reports that carry a rule's description
/// and help with them (SARIF: code scanning shows them beside each alert).</summary>
public static class DiagnosticDocumentation
{
    private const string ResourceName = "Migrations.Build.docs.diagnostics.md";

    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticEntry>> Entries = new(() => Parse(ReadEmbedded()));

    /// <summary>The entry of <paramref name="descriptor"/>; a code without one (the documentation tests forbid it)
    /// falls back to its title, so a report is never left without a description.</summary>
    public static DiagnosticEntry For(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return Entries.Value.TryGetValue(descriptor.Code, out var entry)
            ? entry
            : new DiagnosticEntry(descriptor.Code, descriptor.Title + ".", descriptor.Title + ".");
    }

    /// <summary>Reads the entries of a diagnostics.md text: each starts at a <c>## MIGnnnn: Title</c> heading and runs
    /// to the next heading or anchor. The description is the first paragraph after the severity line.</summary>
    public static IReadOnlyDictionary<string, DiagnosticEntry> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var entries = new Dictionary<string, DiagnosticEntry>(StringComparer.Ordinal);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (CodeOfHeading(lines[i]) is not { } code)
            {
                continue;
            }

            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && !lines[j].StartsWith("## ", StringComparison.Ordinal) && !lines[j].StartsWith("<a id=", StringComparison.Ordinal); j++)
            {
                body.Add(lines[j]);
            }

            var markdownBody = string.Join('\n', body).Trim('\n', ' ');
            entries[code] = new DiagnosticEntry(code, Description(body), markdownBody);
            i = j - 1;
        }

        return entries;
    }

    private static string? CodeOfHeading(string line)
    {
        if (!line.StartsWith("## MIG", StringComparison.Ordinal))
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 3 ? line[3..colon] : null;
    }

    /// <summary>The first paragraph that is neither the severity line nor a code block, as one line.</summary>
    private static string Description(List<string> body)
    {
        var paragraph = new StringBuilder();
        var inFence = false;
        foreach (var line in body)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || line.StartsWith("**Severity:**", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (paragraph.Length > 0)
                {
                    break;
                }

                continue;
            }

            paragraph.Append(paragraph.Length == 0 ? "" : " ").Append(line.Trim());
        }

        return paragraph.ToString();
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(DiagnosticDocumentation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The engine was built without its embedded {ResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>One code's entry of docs/diagnostics.md: a one-paragraph description and the whole entry as Markdown.</summary>
public sealed record DiagnosticEntry(string Code, string Description, string Markdown);
