using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>How an engine's own lexer reads a script, as far as cutting it into statements and tokens needs: the
/// options of the one statement scanner (<see cref="SqlLexer"/>, <see cref="SqlStatementSplitter"/>). Each provider
/// owns its value; nothing outside the providers asks which engine a dialect belongs to.</summary>
/// <param name="Name">The engine's display name, for messages and test names.</param>
public sealed record SqlDialect(string Name)
{
    /// <summary>Quotes around identifiers (besides strings in <c>'…'</c>): <c>"…"</c> everywhere, <c>[…]</c> and
    /// <c>`…`</c> where the engine accepts them.</summary>
    public ValueList<IdentifierQuote> IdentifierQuotes { get; init; } = [IdentifierQuote.Double];

    /// <summary>PostgreSQL's <c>E'…'</c> strings, in which a backslash escapes the next character.</summary>
    public bool EscapeStrings { get; init; }

    /// <summary>PostgreSQL's <c>$$…$$</c> and <c>$tag$…$tag$</c> strings.</summary>
    public bool DollarQuotes { get; init; }

    /// <summary>Block comments nest (<c>/* a /* b */ c */</c> is one comment), as in PostgreSQL and T-SQL; SQLite ends
    /// a comment at the first <c>*/</c>.</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary>SQLite's blob literals, <c>X'…'</c>, read as one token.</summary>
    public bool BlobLiterals { get; init; }

    /// <summary>The characters that start a bound parameter followed by a name or number (SQLite: <c>?1</c>,
    /// <c>:name</c>, <c>@name</c>, <c>$name</c>); a lone <c>?</c> is a parameter when <c>?</c> is among them.</summary>
    public string ParameterPrefixes { get; init; } = string.Empty;

    /// <summary>Operators longer than one character, read as one punctuation token (longest first).</summary>
    public ValueList<string> Operators { get; init; } = [];

    /// <summary>Statements whose body holds semicolons that do not end them (SQLite's <c>CREATE TRIGGER … BEGIN … END</c>,
    /// PostgreSQL's <c>BEGIN ATOMIC … END</c>).</summary>
    public ValueList<StatementBodyRule> BodyRules { get; init; } = [];

    /// <summary>A line holding only this word (and optionally a repeat count) ends a batch, as T-SQL's <c>GO</c> does:
    /// then batches, not semicolons, separate the statements sent to the engine. Null: semicolons separate them.</summary>
    public string? BatchSeparator { get; init; }

    public override string ToString() => Name;
}
