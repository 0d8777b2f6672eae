namespace Migrations.Build.Schema.Comparison;

/// <summary>Triggers: matched by name, compared by table and definition text.</summary>
internal sealed class TriggerKind : IObjectKind<Trigger>
{
    public static TriggerKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(Trigger item) => item.Name.ToString();

    public bool NameIsGenerated(Trigger item) => false;

    public string Identity(Trigger item) => item.Name.ToString();

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(Trigger item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Table, item.Table.ToString());
        yield return (ObjectAttribute.Definition, item.Definition);
    }

    public ComparedObject Describe(Trigger item, ObjectName? table) =>
        new(ObjectKind.Trigger, item.Name) { Target = item.Table };
}
