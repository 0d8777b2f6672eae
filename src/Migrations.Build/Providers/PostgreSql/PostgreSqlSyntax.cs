using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>How PostgreSQL's lexer reads SQL (scan.l), as far as statement boundaries need: <c>"…"</c> identifiers,
/// <c>E'…'</c> escape strings, <c>$tag$…$tag$</c> dollar quotes, nested block comments, and the
/// <c>BEGIN ATOMIC … END</c> bodies of SQL-standard functions and procedures.</summary>
internal static class PostgreSqlSyntax
{
    public static SqlDialect Dialect { get; } = new("PostgreSQL")
    {
        EscapeStrings = true,
        DollarQuotes = true,
        NestedBlockComments = true,
        BodyRules =
        [
            new StatementBodyRule(
                ["CREATE FUNCTION", "CREATE PROCEDURE", "CREATE OR REPLACE FUNCTION", "CREATE OR REPLACE PROCEDURE"],
                ["BEGIN", "ATOMIC"]),
        ],
    };
}
