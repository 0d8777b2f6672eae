using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Finds the statement (and line) that creates or mentions an object, so a diagnostic about the object
/// can point at its source. Only used for locating: a miss falls back to the script's start, never to a guess.</summary>
public sealed partial class ObjectLocator : ISchemaLocator
{
    private readonly List<SqlScript> _scripts;

    public ObjectLocator(IEnumerable<SqlScript> scripts) => _scripts = scripts.ToList();

    /// <summary>The last statement that creates an object of this name (CREATE TABLE/INDEX/VIEW/TRIGGER/…).</summary>
    public SourceLocation? FindCreation(string name) =>
        Statements().LastOrDefault(s => CreatedName(s.Text) is { } created && SameName(created, name))?.Location;

    /// <summary>The place where <paramref name="child"/> (a column or constraint name) appears inside the statement
    /// that creates <paramref name="table"/>, or inside an ALTER TABLE of it; else the CREATE TABLE itself.</summary>
    public SourceLocation? FindInTable(string table, string? child)
    {
        var statements = Statements().Where(s => (CreatedName(s.Text) is { } c && SameName(c, table))
            || (AlteredTable(s.Text) is { } a && SameName(a, table))).ToList();
        if (child is not null)
        {
            foreach (var statement in statements.AsEnumerable().Reverse())
            {
                if (FindWord(statement, child) is { } location)
                {
                    return location;
                }
            }
        }

        return statements.FirstOrDefault(s => CreatedName(s.Text) is not null)?.Location ?? statements.FirstOrDefault()?.Location;
    }

    /// <summary>The first statement whose text mentions <paramref name="word"/> as a whole word, at that word.</summary>
    public SourceLocation? FindMention(string word) =>
        Statements().Select(s => FindWord(s, word)).FirstOrDefault(l => l is not null);

    private IEnumerable<SqlStatement> Statements() => _scripts.SelectMany(s => s.Statements);

    private static bool SameName(string found, string wanted) =>
        string.Equals(found, wanted, StringComparison.OrdinalIgnoreCase)
        || wanted.EndsWith("." + found, StringComparison.OrdinalIgnoreCase);

    private static string? CreatedName(string text) =>
        CreateStatement().Match(text) is { Success: true } m ? Unquote(m.Groups["name"].Value) : null;

    private static string? AlteredTable(string text) =>
        AlterTableStatement().Match(text) is { Success: true } m ? Unquote(m.Groups["name"].Value) : null;

    private static string Unquote(string name)
    {
        var last = name.Split('.')[^1];
        return last.Trim('"', '`', '[', ']');
    }

    private static SourceLocation? FindWord(SqlStatement statement, string word)
    {
        var match = Regex.Match(statement.Text, @"(?<![\w$])[""`\[]?" + Regex.Escape(word) + @"[""`\]]?(?![\w$])", RegexOptions.IgnoreCase);
        return match.Success ? At(statement, match.Index) : null;
    }

    /// <summary>The location of a character offset inside a statement.</summary>
    public static SourceLocation At(SqlStatement statement, int offset)
    {
        if (statement.Generated)
        {
            return statement.Location;
        }

        var line = statement.Location.Line;
        var column = statement.Location.Column;
        for (var i = 0; i < offset && i < statement.Text.Length; i++)
        {
            if (statement.Text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (statement.Text[i] != '\r')
            {
                column++;
            }
        }

        return statement.Location with { Line = line, Column = column };
    }

    [GeneratedRegex(@"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?(?:UNIQUE\s+)?(?:MATERIALIZED\s+)?(?:TABLE|INDEX|VIEW|TRIGGER|SEQUENCE|TYPE|DOMAIN|FUNCTION|PROCEDURE|EXTENSION|SCHEMA)\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?<name>(?:""[^""]+""|`[^`]+`|\[[^\]]+\]|[\w$]+)(?:\.(?:""[^""]+""|`[^`]+`|\[[^\]]+\]|[\w$]+))?)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateStatement();

    [GeneratedRegex(@"^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<name>(?:""[^""]+""|`[^`]+`|\[[^\]]+\]|[\w$]+)(?:\.(?:""[^""]+""|`[^`]+`|\[[^\]]+\]|[\w$]+))?)", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTableStatement();
}
