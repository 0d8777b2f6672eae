using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.SqlServer;

/// <summary>How sqlcmd and SQL Server read a T-SQL script, as far as cutting it into batches needs: <c>"…"</c> and
/// <c>[…]</c> identifiers (<c>]]</c> escapes), nested block comments, and <c>GO [count]</c> lines that end a batch.
/// Batches, not semicolons, are what is sent to the server and what the add-on's parser reads.</summary>
/// <remarks>Here, not in the add-on: the engine splits scripts before any provider exists, and the registry lists the
/// dialect of every engine it names.</remarks>
internal static class SqlServerSyntax
{
    public static SqlDialect Dialect { get; } = new("SQL Server")
    {
        IdentifierQuotes = [IdentifierQuote.Double, new IdentifierQuote('[', ']')],
        NestedBlockComments = true,
        BatchSeparator = "GO",
    };
}
