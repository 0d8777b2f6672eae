using Microsoft.SqlServer.TransactSql.ScriptDom;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.SqlServer.Parsing;

/// <summary>Parses each batch of a script with ScriptDom, without a server: a syntax error is reported at its place
/// in the file (the batch's start plus the parser's line and column within the batch).</summary>
public sealed class TSqlSyntaxCheck(TSqlVersion version)
{
    /// <summary>The syntax errors of every batch of <paramref name="script"/>, as <paramref name="descriptor"/>.</summary>
    public IEnumerable<Diagnostic> Check(SqlScript script, DiagnosticDescriptor descriptor)
    {
        // A batch repeated by GO n is one text: parsed once.
        SourceLocation? previous = null;
        foreach (var batch in script.Statements)
        {
            if (batch.Location == previous)
            {
                continue;
            }

            previous = batch.Location;
            foreach (var error in Errors(batch.Text))
            {
                yield return new Diagnostic(descriptor, $"{descriptor.Title} for {version}: {error.Message}", InFile(batch.Location, error));
            }
        }
    }

    /// <summary>The parser's errors for one batch (line and column counted within it).</summary>
    public IList<ParseError> Errors(string batch)
    {
        using var reader = new StringReader(batch);
        version.CreateParser().Parse(reader, out var errors);
        return errors;
    }

    private static SourceLocation InFile(SourceLocation start, ParseError error) => error.Line <= 1
        ? start with { Column = start.Column + Math.Max(error.Column, 1) - 1 }
        : start with { Line = start.Line + error.Line - 1, Column = Math.Max(error.Column, 1) };
}
