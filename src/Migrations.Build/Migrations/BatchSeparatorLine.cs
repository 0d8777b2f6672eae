namespace Migrations.Build.Migrations;

/// <summary>Recognizes a batch separator line (T-SQL's <c>GO</c>, as sqlcmd reads it): the separator word alone on its
/// line, optionally followed by a repeat count, <c>GO 3</c> running the batch three times.</summary>
internal static class BatchSeparatorLine
{
    /// <summary>The end of the separator line (before its line break) when the word at
    /// <paramref name="wordStart"/>..<paramref name="wordEnd"/> is <paramref name="separator"/> alone on its line with an
    /// optional positive count; otherwise null, and the word is an ordinary one.</summary>
    public static int? EndAt(string text, int wordStart, int wordEnd, string separator)
    {
        if (wordEnd - wordStart != separator.Length
            || string.Compare(text, wordStart, separator, 0, separator.Length, StringComparison.OrdinalIgnoreCase) != 0
            || !OnlyBlanksBefore(text, wordStart))
        {
            return null;
        }

        var i = SkipBlanks(text, wordEnd);
        var countStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i > countStart && ((i < text.Length && char.IsAsciiLetter(text[i])) || !int.TryParse(text.AsSpan(countStart, i - countStart), out var count) || count < 1))
        {
            return null;
        }

        var end = i;
        i = SkipBlanks(text, i);
        return i == text.Length || text[i] is '\r' or '\n' ? end : null;
    }

    /// <summary>How many times the batch before a separator line runs: its count, or once.</summary>
    public static int RepeatCount(string text, SqlToken separator)
    {
        var line = text.AsSpan(separator.Start, separator.Length);
        var digits = line.IndexOfAnyInRange('0', '9');
        return digits < 0 ? 1 : int.Parse(line[digits..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool OnlyBlanksBefore(string text, int i)
    {
        for (var j = i - 1; j >= 0 && text[j] is not ('\r' or '\n'); j--)
        {
            if (!char.IsWhiteSpace(text[j]) && text[j] != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
