using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>How SQLite's tokenizer reads SQL (tokenize.c): <c>"…"</c>, <c>[…]</c> (no escape) and <c>`…`</c>
/// identifiers, blob literals, <c>?NNN :AAA @AAA $AAA</c> parameters, block comments that do not nest, and trigger
/// bodies whose semicolons belong to the trigger.</summary>
internal static class SqliteSyntax
{
    public static SqlDialect Dialect { get; } = new("SQLite")
    {
        IdentifierQuotes = [IdentifierQuote.Double, new IdentifierQuote('[', ']', DoubledCloseEscapes: false), new IdentifierQuote('`', '`')],
        BlobLiterals = true,
        ParameterPrefixes = "?:@$",
        Operators = ["->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"],
        BodyRules = [new StatementBodyRule(["CREATE TRIGGER", "CREATE TEMP TRIGGER", "CREATE TEMPORARY TRIGGER"], ["BEGIN"])],
    };
}
