using System.Text;
using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Prints SQL tokens in one canonical form so texts that differ only in what SQLite ignores compare equal:
/// whitespace and comments, keyword case, the case of bare identifiers, the quoting style of identifiers and the
/// synonyms <c>==</c>/<c>=</c> and <c>&lt;&gt;</c>/<c>!=</c>.</summary>
/// <remarks>What may change meaning is kept: string literals, numbers as written, and the case and quotes of a quoted
/// identifier (SQLite reads <c>"x"</c> as the string <c>'x'</c> when no column x exists). A quoted identifier is
/// unquoted only when it names one of <c>knownColumns</c> (then it cannot be a string).</remarks>
internal static class SqliteCanonicalText
{
    public static string Of(string sql, IReadOnlySet<string>? knownColumns = null) =>
        Of(SqliteToken.Read(sql), 0, int.MaxValue, knownColumns);

    public static string Of(IReadOnlyList<SqliteToken> tokens, int start, int end, IReadOnlySet<string>? knownColumns = null)
    {
        end = Math.Min(end, tokens.Count);
        var text = new StringBuilder();
        SqliteToken? previous = null;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (previous is { } prior && NeedsSpace(prior, token))
            {
                text.Append(' ');
            }

            text.Append(Print(token, knownColumns));
            previous = token;
        }

        return text.ToString();
    }

    /// <summary>A declared type: all words upper-cased (type names are case-insensitive), spacing canonical.</summary>
    public static string OfType(string type)
    {
        var tokens = SqliteToken.Read(type);
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && NeedsSpace(tokens[i - 1], tokens[i]))
            {
                text.Append(' ');
            }

            text.Append(tokens[i].Kind == SqlTokenKind.Word ? tokens[i].Text.ToUpperInvariant() : Print(tokens[i], null));
        }

        return text.ToString();
    }

    /// <summary>A default expression: canonical text without parentheses around the whole expression
    /// (<c>DEFAULT (0)</c> and <c>DEFAULT 0</c> are the same default).</summary>
    public static string OfDefault(string expression)
    {
        var tokens = SqliteToken.Read(expression);
        var start = 0;
        var end = tokens.Count;
        while (end - start >= 2 && tokens[start].IsSymbol("(") && SqliteTokenScan.MatchingParenthesis(tokens, start) == end - 1)
        {
            start++;
            end--;
        }

        return Of(tokens, start, end);
    }

    public static string QuoteName(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Lower-cases ASCII letters only, as SQLite folds identifier case.</summary>
    public static string FoldCase(string identifier)
    {
        var chars = identifier.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetterUpper(chars[i]))
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    private static string Print(SqliteToken token, IReadOnlySet<string>? knownColumns) => token.Kind switch
    {
        SqlTokenKind.Word => SqliteKeywords.Contains(token.Text) ? token.Text.ToUpperInvariant() : FoldCase(token.Text),
        SqlTokenKind.QuotedIdentifier when knownColumns is not null && knownColumns.Contains(token.Value) && IsPlainIdentifier(token.Value) =>
            FoldCase(token.Value),
        SqlTokenKind.QuotedIdentifier => QuoteName(token.Value),
        SqlTokenKind.Blob => token.Text.ToUpperInvariant(),
        SqlTokenKind.Punctuation when token.Text == "==" => "=",
        SqlTokenKind.Punctuation when token.Text == "<>" => "!=",
        _ => token.Text,
    };

    private static bool IsPlainIdentifier(string value) =>
        value.Length > 0 && (char.IsAsciiLetter(value[0]) || value[0] == '_') && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !SqliteKeywords.Contains(value);

    private static bool NeedsSpace(SqliteToken previous, SqliteToken current)
    {
        if (previous.IsSymbol("(") || previous.IsSymbol(".") || current.IsSymbol(")") || current.IsSymbol(",")
            || current.IsSymbol(".") || current.IsSymbol(";"))
        {
            return false;
        }

        // A function call or a name with a column list: name(…). After a keyword (IN (…), AS (…)) keep the space.
        return !current.IsSymbol("(")
            || previous.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            || (previous.Kind == SqlTokenKind.Word && SqliteKeywords.Contains(previous.Text));
    }
}
