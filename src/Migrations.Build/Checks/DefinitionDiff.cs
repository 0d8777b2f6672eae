using System.Text;

namespace Migrations.Build.Checks;

/// <summary>The lines in which two long definition texts differ, with a line of context on each side, written on
/// one line of a message (a build line cannot hold line breaks): <c>line 14: FROM leads | -WHERE a = 1 | +WHERE
/// a = 2 | ORDER BY id</c>.</summary>
internal static class DefinitionDiff
{
    /// <summary>Lines of unchanged text shown before and after each run of changed lines.</summary>
    public const int ContextLines = 1;

    /// <summary>The most lines a message shows; the rest are counted, since the report holds both whole texts.</summary>
    public const int MaxShownLines = 8;

    /// <summary>A text kept on one line longer than this is long too (SQLite keeps a view's canonical text on one line).</summary>
    public const int LongLine = 120;

    /// <summary>True when both texts exist and one spans more than two lines or one long line: a whole text would
    /// bury the change.</summary>
    public static bool Applies(string? expected, string? actual) =>
        expected is not null && actual is not null && (IsLong(expected) || IsLong(actual));

    private static bool IsLong(string text) => text.Length > LongLine || SplitLines(text).Length >= 3;

    /// <summary>The text's lines, line ends of any kind, without the empty lines at its start and end.</summary>
    private static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Trim('\n').Split('\n');

    /// <summary>The changed lines of <paramref name="expected"/> (<c>-</c>) and <paramref name="actual"/> (<c>+</c>);
    /// null when the lines read the same once their leading and trailing blanks are set aside.</summary>
    public static string? Of(string expected, string actual)
    {
        // A text the engine keeps on one line has no line numbers to give; its laid-out lines are read by their content.
        var numbered = SplitLines(expected).Length > 1 && SplitLines(actual).Length > 1;
        var edits = Edits(Lines(expected), Lines(actual));
        var changed = Enumerable.Range(0, edits.Count).Where(i => edits[i].Sign != ' ').ToArray();
        if (changed.Length == 0)
        {
            return null;
        }

        var shownIndexes = changed.SelectMany(i => Enumerable.Range(i - ContextLines, (2 * ContextLines) + 1))
            .Where(i => i >= 0 && i < edits.Count).Distinct().Order().ToArray();
        var text = new StringBuilder();
        var previous = -1;
        foreach (var (index, count) in shownIndexes.Select((index, count) => (index, count)))
        {
            if (count == MaxShownLines)
            {
                var rest = changed.Count(i => i >= index);
                if (rest > 0)
                {
                    text.Append(" | … ").Append(rest).Append(rest == 1 ? " more changed line" : " more changed lines");
                }

                break;
            }

            var edit = edits[index];
            text.Append(previous < 0 ? string.Empty : index == previous + 1 ? " | " : " … ");
            if (numbered && (index != previous + 1 || previous < 0))
            {
                text.Append("line ").Append(edit.Line).Append(": ");
            }

            text.Append(edit.Sign == ' ' ? string.Empty : edit.Sign.ToString()).Append(edit.Text.Trim());
            previous = index;
        }

        return text.ToString();
    }

    /// <summary>Both whole texts as one unified diff with every line (no hunks: the texts are short), for the reports
    /// that have room for them: <c>--- before the up</c>, <c>+++ after the down</c>, then each line with its sign.</summary>
    public static string Unified(string expected, string actual, string expectedSide, string actualSide)
    {
        var text = new StringBuilder().Append("--- ").Append(expectedSide).Append("\n+++ ").Append(actualSide);
        foreach (var edit in Edits(Lines(expected), Lines(actual)))
        {
            text.Append('\n').Append(edit.Sign).Append(edit.Text.TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The text's lines; a text the engine keeps on one line (SQLite's canonical form) is laid out first
    /// (<see cref="DefinitionLayout"/>).</summary>
    private static string[] Lines(string text)
    {
        var lines = SplitLines(text);
        return lines.Length == 1 ? DefinitionLayout.Lines(lines[0]) : lines;
    }

    /// <summary>One line of the edit script: kept (<c>' '</c>), removed (<c>-</c>) or added (<c>+</c>), with its line
    /// number on the side it comes from (the expected side for kept lines).</summary>
    private readonly record struct Edit(char Sign, string Text, int Line);

    /// <summary>The shortest edit script by the longest common subsequence of lines, lines compared without their
    /// leading and trailing blanks (a re-indented line is not a change); definitions are short enough (hundreds of
    /// lines) for its quadratic table.</summary>
    private static List<Edit> Edits(string[] aLines, string[] bLines)
    {
        var a = aLines.Select(l => l.Trim()).ToArray();
        var b = bLines.Select(l => l.Trim()).ToArray();
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', aLines[x], x + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(new Edit('-', aLines[x], x + 1));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', bLines[y], y + 1));
                y++;
            }
        }

        return edits;
    }
}
