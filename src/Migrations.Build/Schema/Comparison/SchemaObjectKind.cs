namespace Migrations.Build.Schema.Comparison;

/// <summary>Other objects (domains, functions, extensions, …): matched by kind and name, compared by definition.</summary>
internal sealed class SchemaObjectKind : IObjectKind<SchemaObject>
{
    public static SchemaObjectKind Instance { get; } = new();

    public string Kind => "object";

    public bool PairsByDefinition => false;

    public string? Name(SchemaObject item) => item.Kind + " " + item.Name;

    public bool NameIsGenerated(SchemaObject item) => false;

    public string Identity(SchemaObject item) => item.Kind + " " + item.Name;

    public IEnumerable<(string Attribute, string? Value)> Attributes(SchemaObject item, ComparisonOptions options)
    {
        yield return ("definition", item.Definition);
    }

    public string Display(SchemaObject item, ObjectName? table) => item.Kind + " " + item.Name;
}
