namespace Migrations.Build.Providers.Sqlite;

/// <summary>Splits SQLite SQL text into tokens, dropping whitespace and comments.</summary>
/// <remarks>Follows SQLite's own lexer closely enough for the texts the engine stores (CREATE statements) and for
/// deciding where a command starts; an unterminated quote or comment simply runs to the end of the text.</remarks>
internal static class SqliteTokenizer
{
    private static readonly string[] MultiCharSymbols = ["->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"];

    public static List<SqliteToken> Tokenize(string sql)
    {
        var tokens = new List<SqliteToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                i = SkipTo(sql, i, "\n");
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c is '\'')
            {
                i = AddQuoted(tokens, sql, i, '\'', SqliteTokenKind.String);
            }
            else if (c is '"' or '`')
            {
                i = AddQuoted(tokens, sql, i, c, SqliteTokenKind.QuotedIdentifier);
            }
            else if (c == '[')
            {
                var end = sql.IndexOf(']', i + 1);
                end = end < 0 ? sql.Length : end + 1;
                tokens.Add(new SqliteToken(SqliteTokenKind.QuotedIdentifier, sql[i..end], i));
                i = end;
            }
            else if ((c is 'x' or 'X') && At(sql, i + 1) == '\'')
            {
                var end = SkipQuoted(sql, i + 1, '\'');
                tokens.Add(new SqliteToken(SqliteTokenKind.Blob, sql[i..end], i));
                i = end;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1))))
            {
                var end = ScanNumber(sql, i);
                tokens.Add(new SqliteToken(SqliteTokenKind.Number, sql[i..end], i));
                i = end;
            }
            else if (IsWordStart(c))
            {
                var end = i + 1;
                while (end < sql.Length && IsWordPart(sql[end]))
                {
                    end++;
                }

                tokens.Add(new SqliteToken(SqliteTokenKind.Word, sql[i..end], i));
                i = end;
            }
            else if (c is '?' or ':' or '@' or '$' && (c == '?' || IsWordPart(At(sql, i + 1))))
            {
                var end = i + 1;
                while (end < sql.Length && IsWordPart(sql[end]))
                {
                    end++;
                }

                tokens.Add(new SqliteToken(SqliteTokenKind.Variable, sql[i..end], i));
                i = end;
            }
            else
            {
                var symbol = MultiCharSymbols.FirstOrDefault(s => string.CompareOrdinal(sql, i, s, 0, s.Length) == 0) ?? c.ToString();
                tokens.Add(new SqliteToken(SqliteTokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }

        return tokens;
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127;

    private static int SkipTo(string sql, int start, string terminator)
    {
        var end = sql.IndexOf(terminator, start, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + terminator.Length;
    }

    private static int AddQuoted(List<SqliteToken> tokens, string sql, int start, char quote, SqliteTokenKind kind)
    {
        var end = SkipQuoted(sql, start, quote);
        tokens.Add(new SqliteToken(kind, sql[start..end], start));
        return end;
    }

    /// <summary>Returns the index after the closing quote; a doubled quote is an escaped quote.</summary>
    private static int SkipQuoted(string sql, int start, char quote)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (At(sql, i + 1) != quote)
                {
                    return i + 1;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    private static int ScanNumber(string sql, int start)
    {
        var i = start;
        if (sql[i] == '0' && At(sql, i + 1) is 'x' or 'X')
        {
            i += 2;
            while (i < sql.Length && (char.IsAsciiHexDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }

            return i;
        }

        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] is '.' or '_'))
        {
            i++;
        }

        if (At(sql, i) is 'e' or 'E' && (char.IsAsciiDigit(At(sql, i + 1)) || (At(sql, i + 1) is '+' or '-' && char.IsAsciiDigit(At(sql, i + 2)))))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
            {
                i++;
            }
        }

        return i;
    }
}
