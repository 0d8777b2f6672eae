namespace Migrations.Build.Migrations;

/// <summary>Answers what a statement does, from its tokens, for checks that treat some statements specially.</summary>
public static class SqlStatementClassifier
{
    private static readonly HashSet<string> DataChangingFirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "REPLACE", "TRUNCATE",
    };

    private static readonly HashSet<string> DataChangingInWith = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE",
    };

    /// <summary>True when the statement changes rows: INSERT/UPDATE/DELETE/MERGE/COPY/REPLACE/TRUNCATE, also as the
    /// body of a <c>WITH</c> (e.g. <c>WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b …</c>).</summary>
    public static bool ChangesData(SqlStatement statement, SqlDialect dialect)
    {
        var text = statement.Text;
        var tokens = SqlLexer.Tokenize(text, dialect).Where(t => !t.IsTrivia).ToList();
        if (tokens.Count == 0 || tokens[0].Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var first = text.Substring(tokens[0].Start, tokens[0].Length);
        if (DataChangingFirstWords.Contains(first))
        {
            return true;
        }

        if (!first.Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // In a WITH, a data-changing statement follows "(" (a CTE body) or ")" (the main statement after the CTEs);
        // this tells it apart from SELECT … FOR UPDATE and ON UPDATE.
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var previous = tokens[i - 1];
            if (token.Kind == SqlTokenKind.Word
                && DataChangingInWith.Contains(text.Substring(token.Start, token.Length))
                && (previous.IsPunctuation(text, '(') || previous.IsPunctuation(text, ')')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any of the statements changes data (see <see cref="ChangesData(SqlStatement, SqlDialect)"/>).</summary>
    public static bool ChangesData(IEnumerable<SqlStatement> statements, SqlDialect dialect) =>
        statements.Any(s => ChangesData(s, dialect));
}
