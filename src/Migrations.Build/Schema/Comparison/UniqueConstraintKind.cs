namespace Migrations.Build.Schema.Comparison;

/// <summary>UNIQUE constraints: matched by name, else by columns.</summary>
internal sealed class UniqueConstraintKind : IObjectKind<UniqueConstraint>
{
    public static UniqueConstraintKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(UniqueConstraint item) => item.Name;

    public bool NameIsGenerated(UniqueConstraint item) => item.NameIsGenerated || item.Name is null;

    public string Identity(UniqueConstraint item) => ObjectKinds.List(item.Columns);

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(UniqueConstraint item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Columns, "(" + ObjectKinds.List(item.Columns) + ")");
        yield return (ObjectAttribute.NullsNotDistinct, item.NullsNotDistinct ? "NULLS NOT DISTINCT" : null);
        yield return (ObjectAttribute.Deferrability, item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
    }

    public ComparedObject Describe(UniqueConstraint item, ObjectName? table) =>
        new(ObjectKind.UniqueConstraint, table!, item.Name) { ChildNameIsGenerated = item.NameIsGenerated, Columns = item.Columns };
}
