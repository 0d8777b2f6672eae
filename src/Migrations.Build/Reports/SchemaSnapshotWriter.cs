using System.Globalization;
using System.Text;
using Migrations.Build.Schema;
using static Migrations.Build.Reports.SnapshotText;

namespace Migrations.Build.Reports;

/// <summary>Renders a schema as a stable, DDL-like text listing that reads well in a diff.</summary>
/// <remarks>Same schema, same bytes: LF line endings, no culture, no time stamps. Objects are ordered by name even if
/// the input is not, because a snapshot is committed and diffed and must not churn; columns, key columns and enum
/// labels keep their order, which has a meaning.</remarks>
public static class SchemaSnapshotWriter
{
    private const string Indent = "  ";

    public static string Render(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var blocks = new List<IEnumerable<string>>();
        blocks.AddRange(Sorted(schema.Tables, t => t.Name, TableSnapshot.Lines));
        blocks.AddRange(Sorted(schema.Views, v => v.Name, ViewLines));
        blocks.AddRange(Sorted(schema.Triggers, t => t.Name, TriggerLines));
        blocks.AddRange(Sorted(schema.Sequences, s => s.Name, s => [SequenceLine(s)]));
        blocks.AddRange(Sorted(schema.EnumTypes, e => e.Name, e => [$"ENUM TYPE {Name(e.Name)} ({string.Join(", ", e.Labels.Select(Literal))})"]));
        blocks.AddRange(schema.OtherObjects
            .Select(o => (o.Kind, o.Name, Lines: OtherObjectLines(o).ToList()))
            .OrderBy(o => o.Kind, StringComparer.Ordinal)
            .ThenBy(o => o.Name)
            .ThenBy(o => string.Join('\n', o.Lines), StringComparer.Ordinal)
            .Select(o => o.Lines));

        var text = new StringBuilder();
        text.Append("-- Migrations.Build schema snapshot: ").Append(Counts(schema)).Append('\n');
        foreach (var block in blocks)
        {
            text.Append('\n');
            foreach (var line in block)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<IEnumerable<string>> Sorted<T>(IEnumerable<T> items, Func<T, ObjectName> name, Func<T, IEnumerable<string>> lines) =>
        items.Select(item => (Name: name(item), Lines: lines(item).ToList()))
            .OrderBy(item => item.Name)
            .ThenBy(item => string.Join('\n', item.Lines), StringComparer.Ordinal)
            .Select(item => item.Lines);

    private static IEnumerable<string> ViewLines(View view)
    {
        yield return (view.Materialized ? "MATERIALIZED VIEW " : "VIEW ") + Name(view.Name);
        if (view.Comment is not null)
        {
            yield return Indent + "COMMENT " + Literal(view.Comment);
        }

        yield return Indent + "AS";
        foreach (var line in Block(view.Definition, Indent + Indent))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> TriggerLines(Trigger trigger) =>
        Block(trigger.Definition, Indent).Prepend($"TRIGGER {Name(trigger.Name)} ON {Name(trigger.Table)}");

    private static string SequenceLine(Sequence sequence)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"SEQUENCE {Name(sequence.Name)} AS {sequence.Type} START {sequence.Start} INCREMENT {sequence.Increment} MINVALUE {sequence.MinValue} MAXVALUE {sequence.MaxValue}");
        if (sequence.Cycle)
        {
            text += " CYCLE";
        }

        if (sequence.OwnedBy is not null)
        {
            text += " OWNED BY " + sequence.OwnedBy;
        }

        return text;
    }

    private static IEnumerable<string> OtherObjectLines(SchemaObject other) =>
        Block(other.Definition, Indent).Prepend($"{OneLine(other.Kind).ToUpperInvariant()} {Name(other.Name)}");

    private static string Counts(DatabaseSchema schema)
    {
        var parts = new[]
        {
            Count(schema.Tables.Count, "table", "tables"),
            Count(schema.Views.Count, "view", "views"),
            Count(schema.Triggers.Count, "trigger", "triggers"),
            Count(schema.Sequences.Count, "sequence", "sequences"),
            Count(schema.EnumTypes.Count, "enum type", "enum types"),
            Count(schema.OtherObjects.Count, "other object", "other objects"),
        };
        return string.Join(", ", parts);
    }

    private static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
