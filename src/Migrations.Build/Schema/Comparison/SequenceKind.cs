using System.Globalization;

namespace Migrations.Build.Schema.Comparison;

/// <summary>Sequences: matched by name; type, bounds, increment, cycle and owner compared.</summary>
internal sealed class SequenceKind : IObjectKind<Sequence>
{
    public static SequenceKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(Sequence item) => item.Name.ToString();

    public bool NameIsGenerated(Sequence item) => false;

    public string Identity(Sequence item) => item.Name.ToString();

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(Sequence item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Type, item.Type);
        yield return (ObjectAttribute.Start, item.Start.ToString(CultureInfo.InvariantCulture));
        yield return (ObjectAttribute.Increment, item.Increment.ToString(CultureInfo.InvariantCulture));
        yield return (ObjectAttribute.MinValue, item.MinValue.ToString(CultureInfo.InvariantCulture));
        yield return (ObjectAttribute.MaxValue, item.MaxValue.ToString(CultureInfo.InvariantCulture));
        yield return (ObjectAttribute.Cycle, item.Cycle ? "CYCLE" : "NO CYCLE");
        yield return (ObjectAttribute.OwnedBy, item.OwnedBy);
    }

    public ComparedObject Describe(Sequence item, ObjectName? table) =>
        new(ObjectKind.Sequence, item.Name);
}
