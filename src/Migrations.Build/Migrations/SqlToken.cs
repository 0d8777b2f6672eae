namespace Migrations.Build.Migrations;

/// <summary>What a lexed piece of SQL text is.</summary>
internal enum SqlTokenKind
{
    Whitespace,
    LineComment,
    BlockComment,
    Word,
    QuotedIdentifier,
    String,
    DollarString,
    Punctuation,
}

/// <summary>One token: its kind and span in the text. <see cref="Unterminated"/> when the text ends inside it.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, bool Unterminated = false)
{
    public int End => Start + Length;

    /// <summary>Whitespace and comments: they never start or end a statement.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    public bool IsPunctuation(string text, char c) => Kind == SqlTokenKind.Punctuation && text[Start] == c;
}
