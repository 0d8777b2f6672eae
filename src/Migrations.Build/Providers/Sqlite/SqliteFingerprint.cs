using System.Text;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>The fingerprint text of <see cref="SqliteScratchDatabase"/>: one row per sqlite_schema entry (type, name,
/// tbl_name, sql; fields split by U+001F, rows by U+001E), with the whitespace and comments of the sql in one form.</summary>
internal static class SqliteFingerprint
{
    private const char FieldEnd = '\u001f';
    private const char RowEnd = '\u001e';
    private const int SqlField = 3;

    /// <summary>The tables and views (by <c>tbl_name</c>) that own a row present in only one of the fingerprints.</summary>
    public static IReadOnlySet<string> ChangedTables(string fingerprint, string otherFingerprint)
    {
        var rows = Rows(fingerprint);
        var otherRows = Rows(otherFingerprint);
        rows.SymmetricExceptWith(otherRows);
        return rows.Select(row => row.Split(FieldEnd)[2]).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rows as sqlite_schema holds them, with every run of whitespace and comments outside quotes in the
    /// sql printed as one space, and none next to <c>( ) ,</c>.</summary>
    /// <remarks>SQLite edits the stored CREATE TABLE text in place on ALTER TABLE: a column added and dropped again
    /// leaves <c>a INT, b INT</c> where the text had a line break. Equal texts after this still mean equal schemas
    /// (SQLite's tokenizer ignores what is dropped), and a down that restores a table is not sent to the slow path
    /// for its spacing. One pass over the characters: this runs twice per migration.</remarks>
    public static string Canonical(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = new StringBuilder(raw.Length);
        var field = 0;
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is FieldEnd or RowEnd)
            {
                field = c == FieldEnd ? field + 1 : 0;
                pendingSpace = false;
                text.Append(c);
                continue;
            }

            if (field != SqlField)
            {
                text.Append(c);
                continue;
            }

            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                pendingSpace = true;
                continue;
            }

            if (c == '-' && At(raw, i + 1) == '-')
            {
                while (i + 1 < raw.Length && raw[i + 1] is not ('\n' or FieldEnd or RowEnd))
                {
                    i++;
                }

                pendingSpace = true;
                continue;
            }

            if (c == '/' && At(raw, i + 1) == '*')
            {
                var close = raw.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? FieldEndBefore(raw, i) : close + 1;
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && text.Length > 0 && !IsTight(text[^1]) && !IsTight(c))
            {
                text.Append(' ');
            }

            pendingSpace = false;
            if (c is '\'' or '"' or '`' or '[')
            {
                i = CopyQuoted(raw, i, text);
                continue;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>Characters next to which a space means nothing: punctuation, and the start of a field.</summary>
    private static bool IsTight(char c) => c is '(' or ')' or ',' or FieldEnd or RowEnd;

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static int FieldEndBefore(string raw, int index)
    {
        var end = raw.IndexOfAny([FieldEnd, RowEnd], index);
        return (end < 0 ? raw.Length : end) - 1;
    }

    /// <summary>Copies a quoted literal or identifier verbatim (a doubled quote stays inside); returns its last index.</summary>
    private static int CopyQuoted(string raw, int start, StringBuilder text)
    {
        var close = raw[start] == '[' ? ']' : raw[start];
        var i = start + 1;
        while (i < raw.Length && raw[i] is not (FieldEnd or RowEnd))
        {
            if (raw[i] == close)
            {
                if (close != ']' && At(raw, i + 1) == close)
                {
                    i += 2;
                    continue;
                }

                break;
            }

            i++;
        }

        var end = Math.Min(i, raw.Length - 1);
        if (raw[end] is FieldEnd or RowEnd)
        {
            end--; // an unterminated quote (cannot come from SQLite) stops at its field's end
        }

        text.Append(raw, start, end - start + 1);
        return end;
    }

    private static HashSet<string> Rows(string fingerprint) =>
        fingerprint.Split(RowEnd, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
