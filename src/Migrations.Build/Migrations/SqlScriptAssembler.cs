using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>Turns script text (a whole file or one section of it) into a <see cref="SqlScript"/>, adding what is wrong
/// with it to the diagnostics.</summary>
internal static class SqlScriptAssembler
{
    /// <summary>A whole file as one script; an unreadable file becomes an empty script (its error is already reported).</summary>
    public static SqlScript FromFile(ScriptFile file, string displayName, SqlDialect dialect, List<Diagnostic> diagnostics)
    {
        if (file.Text is null)
        {
            diagnostics.Add(file.Error!);
            return new SqlScript(file.Path, []);
        }

        var directives = ScriptDirectives.Read(file.Path, file.Text);
        diagnostics.AddRange(directives.Diagnostics);
        var split = SqlStatementSplitter.Split(file.Path, file.Text, dialect);
        diagnostics.AddRange(split.Diagnostics);
        var explained = split.Diagnostics.Count > 0;
        return Create(file.Path, new SourceLocation(file.Path), split.Statements, explained, directives.NoTransaction, dialect, displayName, diagnostics);
    }

    /// <summary>A script from its statements. No statements is an EmptyScript warning, unless
    /// <paramref name="emptinessExplained"/> (an unterminated token already reported swallowed them).</summary>
    public static SqlScript Create(string path, SourceLocation start, IReadOnlyList<SqlStatement> statements, bool emptinessExplained, bool noTransaction, SqlDialect dialect, string description, List<Diagnostic> diagnostics)
    {
        if (statements.Count == 0 && !emptinessExplained)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyScript, $"{description} contains no SQL statements", start));
        }

        return new SqlScript(path, statements.ToValueList())
        {
            Start = start,
            NoTransaction = noTransaction,
            ChangesData = SqlStatementClassifier.ChangesData(statements, dialect),
        };
    }
}
