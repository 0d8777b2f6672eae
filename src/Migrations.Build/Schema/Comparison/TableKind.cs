namespace Migrations.Build.Schema.Comparison;

/// <summary>Tables: matched by name; their columns, keys, indexes and constraints are compared as children.</summary>
internal sealed class TableKind : IObjectKind<Table>
{
    public static TableKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(Table item) => item.Name.ToString();

    public bool NameIsGenerated(Table item) => false;

    public string Identity(Table item) => item.Name.ToString();

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(Table item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Options, item.Options.Count == 0 ? null : ObjectKinds.List(item.Options));
        yield return (ObjectAttribute.Comment, item.Comment);
    }

    public ComparedObject Describe(Table item, ObjectName? table) =>
        new(ObjectKind.Table, item.Name);
}
