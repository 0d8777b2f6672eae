namespace Migrations.Build.Schema.Comparison;

/// <summary>Triggers: matched by name, compared by table and definition text.</summary>
internal sealed class TriggerKind : IObjectKind<Trigger>
{
    public static TriggerKind Instance { get; } = new();

    public string Kind => "trigger";

    public bool PairsByDefinition => false;

    public string? Name(Trigger item) => item.Name.ToString();

    public bool NameIsGenerated(Trigger item) => false;

    public string Identity(Trigger item) => item.Name.ToString();

    public IEnumerable<(string Attribute, string? Value)> Attributes(Trigger item, ComparisonOptions options)
    {
        yield return ("table", item.Table.ToString());
        yield return ("definition", item.Definition);
    }

    public string Display(Trigger item, ObjectName? table) => $"{item.Name} on {item.Table}";
}
