namespace Migrations.Build.Providers.Sqlite;

/// <summary>Small navigation steps over a token list shared by the statement parsers.</summary>
internal static class SqliteTokenScan
{
    /// <summary>The index of the <c>)</c> matching the <c>(</c> at <paramref name="open"/>, or the last index.</summary>
    public static int MatchingParenthesis(IReadOnlyList<SqliteToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (tokens[i].IsSymbol(")") && --depth == 0)
            {
                return i;
            }
        }

        return tokens.Count - 1;
    }

    /// <summary>Splits <c>[start, end)</c> at commas outside parentheses into ranges.</summary>
    public static List<Range> SplitOnCommas(IReadOnlyList<SqliteToken> tokens, int start, int end)
    {
        var parts = new List<Range>();
        var depth = 0;
        var partStart = start;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (tokens[i].IsSymbol(")"))
            {
                depth--;
            }
            else if (depth == 0 && tokens[i].IsSymbol(","))
            {
                parts.Add(new Range(partStart, i));
                partStart = i + 1;
            }
        }

        parts.Add(new Range(partStart, end));
        return parts;
    }

    /// <summary>Skips <c>CREATE [TEMP|TEMPORARY] [UNIQUE] KIND [IF NOT EXISTS] [schema.]</c> and returns the index of
    /// the object name token.</summary>
    public static int ObjectNameIndex(IReadOnlyList<SqliteToken> tokens, string kind)
    {
        var i = 0;
        while (i < tokens.Count && !tokens[i].IsWord(kind))
        {
            i++;
        }

        i++;
        if (i + 2 < tokens.Count && tokens[i].IsWord("IF") && tokens[i + 1].IsWord("NOT") && tokens[i + 2].IsWord("EXISTS"))
        {
            i += 3;
        }

        if (i + 2 < tokens.Count && tokens[i + 1].IsSymbol("."))
        {
            i += 2;
        }

        return i;
    }
}
