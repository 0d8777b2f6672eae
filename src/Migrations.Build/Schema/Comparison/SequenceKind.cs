using System.Globalization;

namespace Migrations.Build.Schema.Comparison;

/// <summary>Sequences: matched by name; type, bounds, increment, cycle and owner compared.</summary>
internal sealed class SequenceKind : IObjectKind<Sequence>
{
    public static SequenceKind Instance { get; } = new();

    public string Kind => "sequence";

    public bool PairsByDefinition => false;

    public string? Name(Sequence item) => item.Name.ToString();

    public bool NameIsGenerated(Sequence item) => false;

    public string Identity(Sequence item) => item.Name.ToString();

    public IEnumerable<(string Attribute, string? Value)> Attributes(Sequence item, ComparisonOptions options)
    {
        yield return ("type", item.Type);
        yield return ("START", item.Start.ToString(CultureInfo.InvariantCulture));
        yield return ("INCREMENT", item.Increment.ToString(CultureInfo.InvariantCulture));
        yield return ("MINVALUE", item.MinValue.ToString(CultureInfo.InvariantCulture));
        yield return ("MAXVALUE", item.MaxValue.ToString(CultureInfo.InvariantCulture));
        yield return ("CYCLE", item.Cycle ? "CYCLE" : "NO CYCLE");
        yield return ("OWNED BY", item.OwnedBy);
    }

    public string Display(Sequence item, ObjectName? table) => item.Name.ToString();
}
