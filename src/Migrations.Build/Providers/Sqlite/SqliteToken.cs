namespace Migrations.Build.Providers.Sqlite;

/// <summary>The lexical class of a <see cref="SqliteToken"/>.</summary>
internal enum SqliteTokenKind
{
    /// <summary>A bare word: a keyword or an unquoted identifier.</summary>
    Word,

    /// <summary>An identifier in <c>"…"</c>, <c>[…]</c> or <c>`…`</c>.</summary>
    QuotedIdentifier,

    /// <summary>A string literal in <c>'…'</c>.</summary>
    String,

    Number,

    /// <summary>A blob literal <c>X'…'</c>.</summary>
    Blob,

    /// <summary>A bound parameter: <c>?</c>, <c>?1</c>, <c>:name</c>, <c>@name</c>, <c>$name</c>.</summary>
    Variable,

    /// <summary>An operator or punctuation mark, including <c>(</c>, <c>)</c>, <c>,</c> and <c>;</c>.</summary>
    Symbol,
}

/// <summary>One token of SQLite SQL text; <see cref="Start"/> is its offset (in chars) in the text.</summary>
internal readonly record struct SqliteToken(SqliteTokenKind Kind, string Text, int Start)
{
    /// <summary>The identifier or word this token names, without quotes (string literals too, as SQLite
    /// accepts them in name positions).</summary>
    public string Value => Kind switch
    {
        SqliteTokenKind.QuotedIdentifier => Unquote(Text),
        SqliteTokenKind.String => Text[1..^1].Replace("''", "'", StringComparison.Ordinal),
        _ => Text,
    };

    public bool IsWord(string word) => Kind == SqliteTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqliteTokenKind.Symbol && Text == symbol;

    /// <summary>True for tokens that can name an object: bare words, quoted identifiers and string literals.</summary>
    public bool IsName => Kind is SqliteTokenKind.Word or SqliteTokenKind.QuotedIdentifier or SqliteTokenKind.String;

    private static string Unquote(string text) => text[0] switch
    {
        '"' => text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal),
        '`' => text[1..^1].Replace("``", "`", StringComparison.Ordinal),
        _ => text[1..^1],
    };
}
