using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>One <c>migrationBuilder.Xxx(…)</c> call of a migration method: where it starts and the first string literal
/// of its arguments (the <c>name:</c> of what it creates or drops), so that the SQL EF generated for it can be placed at
/// its line.</summary>
public sealed record MigrationOperation(SourceLocation At, string Name)
{
    /// <summary>Whether a statement names this operation's object, quoted as any provider quotes it.</summary>
    public bool IsNamedIn(string sql) =>
        sql.Contains($"\"{Name}\"", StringComparison.Ordinal)
        || sql.Contains($"[{Name}]", StringComparison.Ordinal)
        || sql.Contains($"`{Name}`", StringComparison.Ordinal);
}

/// <summary>Reads the operations of a migration method from its C# text (no compiler): from the method's line to the
/// end of its body (braces counted, or the first <c>;</c> of an expression body). A call without a string literal is
/// left out; a statement that no operation names stays at the method.</summary>
public static partial class MigrationOperations
{
    public static IReadOnlyList<MigrationOperation> Read(string path, string[] lines, int methodLine)
    {
        var body = Body(lines, methodLine);
        var operations = new List<MigrationOperation>();
        (int Line, int Column)? start = null;
        var text = new System.Text.StringBuilder();
        foreach (var (line, number) in body)
        {
            var at = 0;
            foreach (Match call in Call().Matches(line))
            {
                text.Append(line, at, call.Index - at);
                Add(path, start, text, operations);
                start = (number, call.Index + 1);
                text.Clear();
                at = call.Index;
            }

            text.Append(line, at, line.Length - at).Append('\n');
        }

        Add(path, start, text, operations);
        return operations;
    }

    private static void Add(string path, (int Line, int Column)? start, System.Text.StringBuilder text, List<MigrationOperation> operations)
    {
        if (start is { } s && Literal().Match(text.ToString()) is { Success: true } literal)
        {
            operations.Add(new MigrationOperation(new SourceLocation(path, s.Line, s.Column), literal.Groups["value"].Value));
        }
    }

    private static IEnumerable<(string Line, int Number)> Body(string[] lines, int methodLine)
    {
        var depth = 0;
        var opened = false;
        for (var i = methodLine - 1; i < lines.Length; i++)
        {
            var line = lines[i];
            yield return (line, i + 1);
            foreach (var c in line)
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                opened |= c == '{';
            }

            var expressionBody = !opened && line.Contains("=>", StringComparison.Ordinal);
            if ((opened && depth <= 0) || (!opened && (expressionBody || i > methodLine - 1) && line.TrimEnd().EndsWith(';')))
            {
                yield break;
            }
        }
    }

    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*[A-Z][A-Za-z0-9_]*")]
    private static partial Regex Call();

    [GeneratedRegex("\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();
}
