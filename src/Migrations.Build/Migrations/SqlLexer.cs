namespace Migrations.Build.Migrations;

/// <summary>Cuts SQL text into tokens the way the engine's own lexer does, configured by the provider's
/// <see cref="SqlDialect"/>: quotes, quoted identifiers, comments, dollar quotes, literals, parameters, operators and
/// batch separator lines. The statement splitter and the providers' parsers of stored definitions read the same tokens.</summary>
internal static class SqlLexer
{
    /// <summary>Tokenizes from <paramref name="start"/>; an unterminated token is the last one returned.</summary>
    public static List<SqlToken> Tokenize(string text, SqlDialect dialect, int start = 0)
    {
        var tokens = new List<SqlToken>();
        var index = start;
        while (index < text.Length)
        {
            var token = Next(text, index, dialect);
            tokens.Add(token);
            if (token.Unterminated)
            {
                break;
            }

            index = token.End;
        }

        return tokens;
    }

    private static SqlToken Next(string text, int i, SqlDialect dialect)
    {
        var c = text[i];
        var next = At(text, i + 1);
        if (char.IsWhiteSpace(c))
        {
            var end = i + 1;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return new SqlToken(SqlTokenKind.Whitespace, i, end - i);
        }

        if (c == '-' && next == '-')
        {
            var end = text.AsSpan(i).IndexOfAny('\r', '\n');
            return new SqlToken(SqlTokenKind.LineComment, i, end < 0 ? text.Length - i : end);
        }

        if (c == '/' && next == '*')
        {
            return BlockComment(text, i, dialect.NestedBlockComments);
        }

        if (c == '\'')
        {
            return Quoted(text, i, '\'', doubledCloseEscapes: true, SqlTokenKind.String);
        }

        // Index loops: the lexer runs once per token of every script, and an enumerator would allocate each time.
        var quotes = dialect.IdentifierQuotes;
        for (var q = 0; q < quotes.Count; q++)
        {
            if (c == quotes[q].Open)
            {
                return Quoted(text, i, quotes[q].Close, quotes[q].DoubledCloseEscapes, SqlTokenKind.QuotedIdentifier);
            }
        }

        // A token starts at a word boundary, so an E or X before a quote is a prefix, not the end of a word.
        if (c is 'E' or 'e' && next == '\'' && dialect.EscapeStrings)
        {
            return EscapeString(text, i);
        }

        if (c is 'X' or 'x' && next == '\'' && dialect.BlobLiterals)
        {
            var blob = Quoted(text, i + 1, '\'', doubledCloseEscapes: true, SqlTokenKind.Blob);
            return blob with { Start = i, Length = blob.Length + 1 };
        }

        if (c == '$' && dialect.DollarQuotes && DollarTag(text, i) is { } tag)
        {
            return DollarString(text, i, tag);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            return new SqlToken(SqlTokenKind.Number, i, NumberEnd(text, i) - i);
        }

        if (IsWordStart(c))
        {
            var end = WordEnd(text, i + 1);
            return dialect.BatchSeparator is { } separator && BatchSeparatorLine.EndAt(text, i, end, separator) is { } lineEnd
                ? new SqlToken(SqlTokenKind.BatchSeparator, i, lineEnd - i)
                : new SqlToken(SqlTokenKind.Word, i, end - i);
        }

        if (dialect.ParameterPrefixes.Contains(c) && (c == '?' || IsWordPart(next)))
        {
            return new SqlToken(SqlTokenKind.Parameter, i, WordEnd(text, i + 1) - i);
        }

        var length = 1;
        var operators = dialect.Operators;
        for (var o = 0; o < operators.Count; o++)
        {
            if (operators[o].Length > length && string.CompareOrdinal(text, i, operators[o], 0, operators[o].Length) == 0)
            {
                length = operators[o].Length;
            }
        }

        return new SqlToken(SqlTokenKind.Punctuation, i, length);
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    // Every engine here reads any non-ASCII character as part of a name, and $ inside one (not first): a$b$ is a name,
    // not a dollar quote.
    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    internal static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127;

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && IsWordPart(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>A quoted token closed by <paramref name="close"/>, where a doubled closer is an escaped one when
    /// <paramref name="doubledCloseEscapes"/>.</summary>
    private static SqlToken Quoted(string text, int i, char close, bool doubledCloseEscapes, SqlTokenKind kind)
    {
        var j = i + 1;
        while (j < text.Length)
        {
            if (text[j] == close)
            {
                if (doubledCloseEscapes && At(text, j + 1) == close)
                {
                    j += 2;
                    continue;
                }

                return new SqlToken(kind, i, j + 1 - i);
            }

            j++;
        }

        return new SqlToken(kind, i, text.Length - i, Unterminated: true);
    }

    private static SqlToken EscapeString(string text, int i)
    {
        var j = i + 2;
        while (j < text.Length)
        {
            switch (text[j])
            {
                case '\\':
                    j += 2;
                    continue;
                case '\'' when At(text, j + 1) == '\'':
                    j += 2;
                    continue;
                case '\'':
                    return new SqlToken(SqlTokenKind.String, i, j + 1 - i);
                default:
                    j++;
                    break;
            }
        }

        return new SqlToken(SqlTokenKind.String, i, text.Length - i, Unterminated: true);
    }

    private static SqlToken BlockComment(string text, int i, bool nested)
    {
        var depth = 1;
        var j = i + 2;
        while (j < text.Length - 1)
        {
            if (text[j] == '*' && text[j + 1] == '/')
            {
                depth--;
                j += 2;
                if (depth == 0)
                {
                    return new SqlToken(SqlTokenKind.BlockComment, i, j - i);
                }

                continue;
            }

            if (nested && text[j] == '/' && text[j + 1] == '*')
            {
                depth++;
                j += 2;
                continue;
            }

            j++;
        }

        return new SqlToken(SqlTokenKind.BlockComment, i, text.Length - i, Unterminated: true);
    }

    /// <summary>The opening <c>$$</c> or <c>$tag$</c> at <paramref name="i"/>, or null (e.g. a <c>$1</c> parameter).</summary>
    internal static string? DollarTag(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && (char.IsLetter(text[j]) || text[j] == '_'))
        {
            while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
            {
                j++;
            }
        }

        return j < text.Length && text[j] == '$' ? text[i..(j + 1)] : null;
    }

    private static SqlToken DollarString(string text, int i, string tag)
    {
        var close = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
        return close < 0
            ? new SqlToken(SqlTokenKind.DollarString, i, text.Length - i, Unterminated: true)
            : new SqlToken(SqlTokenKind.DollarString, i, close + tag.Length - i);
    }

    /// <summary>The end of the number at <paramref name="start"/>: decimal with <c>_</c> separators, a fraction and an
    /// exponent, or hexadecimal <c>0x…</c>.</summary>
    private static int NumberEnd(string text, int start)
    {
        var i = start;
        if (text[i] == '0' && At(text, i + 1) is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return i;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '_'))
        {
            i++;
        }

        if (At(text, i) is 'e' or 'E' && (char.IsAsciiDigit(At(text, i + 1)) || (At(text, i + 1) is '+' or '-' && char.IsAsciiDigit(At(text, i + 2)))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }
}
