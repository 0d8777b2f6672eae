using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>One token of SQLite SQL text with its text, for parsing the CREATE statements SQLite stores;
/// <see cref="Start"/> is its offset (in chars) in the text.</summary>
/// <remarks>Read by the one statement scanner (<see cref="SqlLexer"/> with <see cref="SqliteSyntax.Dialect"/>), not a
/// lexer of its own.</remarks>
internal readonly record struct SqliteToken(SqlTokenKind Kind, string Text, int Start)
{
    /// <summary>The identifier or word this token names, without quotes (string literals too, as SQLite
    /// accepts them in name positions).</summary>
    public string Value => Kind switch
    {
        SqlTokenKind.QuotedIdentifier => Unquote(Text),
        SqlTokenKind.String => Text[1..^1].Replace("''", "'", StringComparison.Ordinal),
        _ => Text,
    };

    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Punctuation && Text == symbol;

    /// <summary>True for tokens that can name an object: bare words, quoted identifiers and string literals.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String;

    /// <summary>The tokens of <paramref name="sql"/> without whitespace and comments; an unterminated quote or comment
    /// runs to the end of the text.</summary>
    public static List<SqliteToken> Read(string sql) =>
        SqlLexer.Tokenize(sql, SqliteSyntax.Dialect)
            .Where(token => !token.IsTrivia)
            .Select(token => new SqliteToken(token.Kind, token.TextIn(sql), token.Start))
            .ToList();

    private static string Unquote(string text) => text[0] switch
    {
        '"' => text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal),
        '`' => text[1..^1].Replace("``", "`", StringComparison.Ordinal),
        _ => text[1..^1],
    };
}
