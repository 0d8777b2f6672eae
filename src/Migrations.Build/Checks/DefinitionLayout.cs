using System.Text;

namespace Migrations.Build.Checks;

/// <summary>Breaks a definition kept on one line into lines for reading, the way a person would write it: after each
/// comma and semicolon and before each clause keyword, never inside a quoted literal or identifier. Only for showing
/// where two texts differ; equivalence is the engine's and the comparer's business.</summary>
internal static class DefinitionLayout
{
    private static readonly string[] ClauseKeywords =
        ["FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "JOIN", "BEGIN", "END", "WHEN", "ELSE"];

    public static string[] Lines(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c == ' ' && line.Length > 0 && StartsClause(text, i + 1))
            {
                lines.Add(line.ToString());
                line.Clear();
                continue;
            }

            line.Append(c);
            if (quote == '\0' && c is ',' or ';')
            {
                lines.Add(line.ToString());
                line.Clear();
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }

    /// <summary>True when a clause keyword, as a whole word in any case, starts at <paramref name="at"/>.</summary>
    private static bool StartsClause(string text, int at) => ClauseKeywords.Any(keyword =>
        string.Compare(text, at, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (at + keyword.Length == text.Length || !char.IsLetterOrDigit(text[at + keyword.Length]) && text[at + keyword.Length] != '_'));
}
