using System.Text;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>Renders a schema as Markdown: its ER diagram (Mermaid) and its snapshot listing, for a pull request or a wiki.</summary>
public static class SchemaMarkdownWriter
{
    /// <param name="title">What the schema is, e.g. <c>Schema after 0002_create_leads on SQLite</c>.</param>
    public static string Render(DatabaseSchema schema, string title)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n");
        var diagram = MermaidErDiagram.Render(schema);
        if (diagram is null)
        {
            text.Append("No diagram: the schema has no tables.\n");
        }
        else if (diagram.Length > MermaidErDiagram.MaxTextSize)
        {
            text.Append("No diagram: the schema has more tables than Mermaid draws.\n");
        }
        else
        {
            text.Append("```mermaid\n").Append(diagram).Append("```\n");
        }

        // A fence longer than any backtick run in the listing (a view's text may hold one), so it cannot end early.
        var snapshot = SchemaSnapshotWriter.Render(schema);
        var fence = new string('`', Math.Max(3, LongestBacktickRun(snapshot) + 1));
        text.Append("\n## Snapshot\n\n").Append(fence).Append("sql\n").Append(snapshot).Append(fence).Append('\n');
        return text.ToString();
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
