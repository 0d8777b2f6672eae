namespace Migrations.Build.Migrations;

/// <summary>Cuts SQL text into tokens the way the engine's own lexer does, as far as statement boundaries need:
/// quotes, quoted identifiers, comments and PostgreSQL dollar quotes, so a <c>;</c> inside them is not a boundary.</summary>
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
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
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
            // PostgreSQL and SQL Server nest block comments; SQLite ends at the first */.
            return BlockComment(text, i, nested: dialect != SqlDialect.Sqlite);
        }

        switch (c)
        {
            case '\'':
                return Quoted(text, i, '\'', SqlTokenKind.String);
            case '"':
                return Quoted(text, i, '"', SqlTokenKind.QuotedIdentifier);
            case '[' when dialect != SqlDialect.PostgreSql:
                return Quoted(text, i, ']', SqlTokenKind.QuotedIdentifier);
            case '`' when dialect == SqlDialect.Sqlite:
                return Quoted(text, i, '`', SqlTokenKind.QuotedIdentifier);
            case 'E' or 'e' when next == '\'' && dialect == SqlDialect.PostgreSql:
                // A token starts at a word boundary, so this E is a prefix, not the end of a word.
                return EscapeString(text, i);
            case '$' when dialect == SqlDialect.PostgreSql && DollarTag(text, i) is { } tag:
                return DollarString(text, i, tag);
            default:
                break;
        }

        if (IsWordChar(c) && c != '$')
        {
            var end = i + 1;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            return new SqlToken(SqlTokenKind.Word, i, end - i);
        }

        return new SqlToken(SqlTokenKind.Punctuation, i, 1);
    }

    // Both engines allow $ inside identifiers (not first), which is why a$b$ is a name and not a dollar quote.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>A quoted token closed by <paramref name="close"/>, where a doubled closer is an escaped one.</summary>
    private static SqlToken Quoted(string text, int i, char close, SqlTokenKind kind)
    {
        var j = i + 1;
        while (j < text.Length)
        {
            if (text[j] == close)
            {
                if (j + 1 < text.Length && text[j + 1] == close)
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
                case '\'' when j + 1 < text.Length && text[j + 1] == '\'':
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
}
