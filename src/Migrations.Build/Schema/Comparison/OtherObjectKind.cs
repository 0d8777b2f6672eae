namespace Migrations.Build.Schema.Comparison;

/// <summary>Other objects (domains, functions, extensions, …): matched by kind and name, compared by definition.</summary>
internal sealed class OtherObjectKind : IObjectKind<SchemaObject>
{
    public static OtherObjectKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(SchemaObject item) => item.Kind + " " + item.Name;

    public bool NameIsGenerated(SchemaObject item) => false;

    public string Identity(SchemaObject item) => item.Kind + " " + item.Name;

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(SchemaObject item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Definition, item.Definition);
    }

    public ComparedObject Describe(SchemaObject item, ObjectName? table) =>
        new(ObjectKind.Other, item.Name) { EngineKind = item.Kind };
}
