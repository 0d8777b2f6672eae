namespace Migrations.Build.Schema.Comparison;

/// <summary>Indexes: matched by name, else by definition (a name-only difference is a rename), else by key list.</summary>
internal sealed class IndexKind : IObjectKind<TableIndex>
{
    public static IndexKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(TableIndex item) => item.Name;

    public bool NameIsGenerated(TableIndex item) => item.NameIsGenerated;

    public string Identity(TableIndex item) => string.Join(", ", item.Keys.Select(k => k.Expression));

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(TableIndex item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Uniqueness, ObjectKinds.Flag(item.IsUnique, "UNIQUE", "not unique"));
        yield return (ObjectAttribute.Keys, "(" + item.DescribeKeys() + ")");
        yield return (ObjectAttribute.Method, item.Method);
        yield return (ObjectAttribute.Include, item.Include.Count == 0 ? null : "(" + ObjectKinds.List(item.Include) + ")");
        yield return (ObjectAttribute.Where, item.Predicate);
        yield return (ObjectAttribute.NullsNotDistinct, item.NullsNotDistinct ? "NULLS NOT DISTINCT" : null);
        yield return (ObjectAttribute.Comment, item.Comment);
    }

    public ComparedObject Describe(TableIndex item, ObjectName? table) =>
        new(ObjectKind.Index, table!, item.Name) { ChildNameIsGenerated = item.NameIsGenerated };
}
