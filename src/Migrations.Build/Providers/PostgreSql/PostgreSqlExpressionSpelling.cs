using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>
/// Spellings of one expression that PostgreSQL keeps apart in its catalog text but evaluates the same way.
/// The catalog already unifies type aliases (<c>int4</c>, <c>integer</c>), casts of literals and parentheses; it keeps
/// <c>now()</c>, <c>transaction_timestamp()</c> and <c>CURRENT_TIMESTAMP</c> as written, though all three are the
/// start time of the transaction (the documentation calls them equivalent). <c>statement_timestamp()</c>,
/// <c>clock_timestamp()</c> and <c>LOCALTIMESTAMP</c> are other functions and stay as they are. The catalog also keeps a
/// number written as a string (<c>DEFAULT '0'</c> on a bigint column) as the cast <c>'0'::bigint</c>, and the number
/// itself as <c>0</c>: both are written as the number.
/// </summary>
internal static partial class PostgreSqlExpressionSpelling
{
    public static string Canonical(string expression) => Spellings().Replace(expression, m =>
        m.Groups["number"].Success ? m.Groups["number"].Value
        : m.Value[0] is '\'' or '"' ? m.Value
        : "CURRENT_TIMESTAMP");

    // Quoted text is matched first (after a number written as a string) so that a function name inside a string or an
    // identifier is never rewritten; a function of another schema (app.now()) is not the built-in one.
    [GeneratedRegex("""'(?<number>-?[0-9]+)'::(?:bigint|integer|smallint)\b|'(?<number>-?[0-9]+(?:\.[0-9]+)?)'::numeric\b(?!\()|'(?:[^']|'')*'|"(?:[^"]|"")*"|(?<![\w.$"])(?:pg_catalog\.)?(?:now|transaction_timestamp)\(\)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Spellings();
}
