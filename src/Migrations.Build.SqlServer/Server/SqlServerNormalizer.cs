using Migrations.Build.Schema;

namespace Migrations.Build.SqlServer.Server;

/// <summary>SQL Server's equivalences applied to both sides before comparing: expressions without the parentheses
/// the server wraps them in, and defaults, checks and predicates compared without case in keywords and brackets.</summary>
internal static class SqlServerNormalizer
{
    public static DatabaseSchema Normalize(DatabaseSchema schema) => schema with
    {
        Tables = schema.Tables.Select(t => t with
        {
            Columns = t.Columns.Select(c => c with
            {
                Default = c.Default is null ? null : Expression(c.Default),
                GeneratedExpression = c.GeneratedExpression is null ? null : Expression(c.GeneratedExpression),
            }).ToValueList(),
            CheckConstraints = t.CheckConstraints.Select(k => k with { Expression = Expression(k.Expression) }).ToValueList(),
            Indexes = t.Indexes.Select(i => i with { Predicate = i.Predicate is null ? null : Expression(i.Predicate) }).ToValueList(),
        }).ToValueList(),
    };

    /// <summary>The server prints <c>([qty]&gt;(0))</c> for <c>qty &gt; 0</c>: without brackets, blanks and wrapping
    /// parentheses, in lower case.</summary>
    public static string Expression(string text)
    {
        var plain = SqlServerCatalogReader.Unwrap(text).Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        var compact = new string(plain.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return RemoveNumberParentheses(compact).ToLowerInvariant();
    }

    // ((0)) and (0) around literals: the server adds them, authors rarely write them.
    private static string RemoveNumberParentheses(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\((-?[0-9.]+|'[^']*'|N'[^']*')\)", "$1");
}
