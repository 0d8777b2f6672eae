namespace Migrations.Build.Migrations;

/// <summary>What a lexed piece of SQL text is.</summary>
internal enum SqlTokenKind
{
    Whitespace,
    LineComment,
    BlockComment,

    /// <summary>A bare word: a keyword or an unquoted identifier.</summary>
    Word,

    /// <summary>An identifier in one of the dialect's <see cref="SqlDialect.IdentifierQuotes"/>.</summary>
    QuotedIdentifier,

    /// <summary>A string literal: <c>'…'</c>, or PostgreSQL's <c>E'…'</c>.</summary>
    String,

    DollarString,

    /// <summary>A numeric literal: <c>1</c>, <c>1.5e3</c>, <c>0x1F</c>, <c>1_000</c>.</summary>
    Number,

    /// <summary>A blob literal <c>X'…'</c> (<see cref="SqlDialect.BlobLiterals"/>).</summary>
    Blob,

    /// <summary>A bound parameter (<see cref="SqlDialect.ParameterPrefixes"/>): <c>?</c>, <c>?1</c>, <c>:name</c>, <c>@name</c>.</summary>
    Parameter,

    /// <summary>An operator or punctuation mark: one character, or one of the dialect's <see cref="SqlDialect.Operators"/>.</summary>
    Punctuation,

    /// <summary>A line that ends a batch (<see cref="SqlDialect.BatchSeparator"/>), e.g. <c>GO</c> or <c>GO 3</c>.</summary>
    BatchSeparator,
}

/// <summary>One token: its kind and span in the text. <see cref="Unterminated"/> when the text ends inside it.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, bool Unterminated = false)
{
    public int End => Start + Length;

    /// <summary>Whitespace and comments: they never start or end a statement.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    public bool IsPunctuation(string text, char c) => Kind == SqlTokenKind.Punctuation && Length == 1 && text[Start] == c;

    public string TextIn(string text) => text.Substring(Start, Length);
}
