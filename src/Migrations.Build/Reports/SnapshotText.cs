using System.Text.RegularExpressions;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>How names, literals and engine text are spelled in a schema snapshot.</summary>
internal static partial class SnapshotText
{
    /// <summary>A plain identifier stays bare; anything else is double-quoted as SQL does, so a name with a space or a
    /// dot cannot be misread.</summary>
    public static string Identifier(string name) =>
        PlainIdentifier().IsMatch(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Like <see cref="ObjectName.ToString"/> (default schemas left out), with each part quoted when needed.</summary>
    public static string Name(ObjectName name) =>
        name.Schema is null or "main" or "public" ? Identifier(name.Name) : Identifier(name.Schema) + "." + Identifier(name.Name);

    public static string Identifiers(IEnumerable<string> names) => string.Join(", ", names.Select(Identifier));

    public static string Literal(string text) => "'" + OneLine(text).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Engine text for a one-line slot (defaults, check expressions): line breaks and the indentation around
    /// them become one space. The snapshot is read and diffed, not executed, so a line per slot matters more.</summary>
    public static string OneLine(string text) => LineBreak().Replace(text.Trim(), " ");

    /// <summary>Engine text for a block (view, trigger and function bodies): its lines indented, trailing spaces and
    /// blank edges removed, line endings normalized to LF.</summary>
    public static IEnumerable<string> Block(string text, string indent)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToList();
        var first = lines.FindIndex(line => line.Length > 0);
        if (first < 0)
        {
            return [];
        }

        var last = lines.FindLastIndex(line => line.Length > 0);
        return lines.Skip(first).Take(last - first + 1).Select(line => line.Length == 0 ? string.Empty : indent + line);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex PlainIdentifier();

    [GeneratedRegex(@"[ \t]*(\r\n|\r|\n)\s*")]
    private static partial Regex LineBreak();
}
