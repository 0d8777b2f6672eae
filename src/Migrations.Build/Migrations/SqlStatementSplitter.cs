using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>Splits a SQL script into statements at top-level semicolons, each located at its first token.</summary>
/// <remarks>A lexer, not a regex: semicolons inside strings, quoted identifiers, comments, dollar quotes, trigger
/// bodies and <c>BEGIN ATOMIC</c> bodies do not split. Statements that are only comments are dropped. In a dialect
/// with a <see cref="SqlDialect.BatchSeparator"/> the batches between separator lines are the statements (a batch
/// before <c>GO 3</c> is three), and semicolons split nothing.</remarks>
public static class SqlStatementSplitter
{
    /// <summary>Splits <paramref name="text"/>, which starts at <paramref name="firstLine"/>/<paramref name="firstColumn"/>
    /// of <paramref name="path"/> (a section of a file starts below line 1).</summary>
    public static SplitResult Split(string path, string text, SqlDialect dialect, int firstLine = 1, int firstColumn = 1) =>
        Run(path, text, dialect, firstLine, firstColumn, asOneStatement: false);

    /// <summary>Reads the whole text as one statement (goose's <c>StatementBegin</c>/<c>StatementEnd</c> blocks),
    /// dropping only a final semicolon.</summary>
    internal static SplitResult SplitAsOneStatement(string path, string text, SqlDialect dialect, int firstLine = 1, int firstColumn = 1)
    {
        var whole = Run(path, text, dialect, firstLine, firstColumn, asOneStatement: true);
        if (whole.Statements is not [var block] || Run(path, text, dialect, firstLine, firstColumn, asOneStatement: false).Statements is not { Count: > 1 } parts)
        {
            return whole;
        }

        return whole with { Statements = [block with { Parts = parts }] };
    }

    private static SplitResult Run(string path, string text, SqlDialect dialect, int firstLine, int firstColumn, bool asOneStatement)
    {
        var map = new LineMap(text, firstLine, firstColumn);
        var statements = new List<SqlStatement>();
        var diagnostics = new List<Diagnostic>();
        var body = new StatementBodyTracker(dialect);
        var start = -1;
        var end = -1;
        var batches = dialect.BatchSeparator is not null;

        void Flush(int times = 1)
        {
            if (start >= 0)
            {
                // The span ends after the statement's last token (its semicolon is not part of it).
                var last = map.Locate(path, end - 1);
                var location = map.Locate(path, start) with { EndLine = last.Line, EndColumn = last.Column + 1 };
                var statement = new SqlStatement(text[start..end], location);
                statements.AddRange(Enumerable.Repeat(statement, times));
            }

            start = -1;
            body.Reset();
        }

        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        foreach (var token in SqlLexer.Tokenize(text, dialect, bom))
        {
            if (token.Unterminated)
            {
                // The statement cut off by the token is not returned: the engine would only report a confusing error.
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnterminatedToken, DescribeUnterminated(text, token), map.Locate(path, token.Start)));
                start = -1;
                break;
            }

            if (token.IsTrivia)
            {
                continue;
            }

            if (token.Kind == SqlTokenKind.BatchSeparator)
            {
                Flush(BatchSeparatorLine.RepeatCount(text, token));
                continue;
            }

            var isSemicolon = token.IsPunctuation(text, ';') && !batches;
            if (isSemicolon && !asOneStatement && !body.InsideBody)
            {
                Flush();
                continue;
            }

            if (isSemicolon && (asOneStatement || start < 0))
            {
                // Inside a one-statement block only the semicolons before more text belong to the statement.
                continue;
            }

            if (start < 0)
            {
                start = token.Start;
            }

            end = token.End;
            if (token.Kind == SqlTokenKind.Word)
            {
                body.ObserveWord(text.Substring(token.Start, token.Length));
            }
            else
            {
                body.ObserveOtherToken();
            }
        }

        Flush();
        return new SplitResult(statements, diagnostics);
    }

    private static string DescribeUnterminated(string text, SqlToken token)
    {
        var (what, closer) = token.Kind switch
        {
            SqlTokenKind.BlockComment => ("block comment", "*/"),
            SqlTokenKind.DollarString => ("dollar-quoted string", SqlLexer.DollarTag(text, token.Start) ?? "$$"),
            SqlTokenKind.String when text[token.Start] is 'E' or 'e' => ("escape string", "'"),
            SqlTokenKind.String => ("string literal", "'"),
            SqlTokenKind.Blob => ("blob literal", "'"),
            _ when text[token.Start] == '[' => ("quoted identifier", "]"),
            _ => ("quoted identifier", text[token.Start].ToString()),
        };
        return $"The {what} that starts here is never closed (missing {closer}), so the rest of the script is inside it";
    }
}
