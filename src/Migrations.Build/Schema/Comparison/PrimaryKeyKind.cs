namespace Migrations.Build.Schema.Comparison;

/// <summary>Primary keys: at most one per table, so always paired; columns and (explicit) name compared.</summary>
internal sealed class PrimaryKeyKind : IObjectKind<PrimaryKey>
{
    public static PrimaryKeyKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(PrimaryKey item) => item.Name;

    public bool NameIsGenerated(PrimaryKey item) => item.NameIsGenerated || item.Name is null;

    public string Identity(PrimaryKey item) => "pk";

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(PrimaryKey item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Columns, "(" + ObjectKinds.List(item.Columns) + ")");
    }

    public ComparedObject Describe(PrimaryKey item, ObjectName? table) =>
        new(ObjectKind.PrimaryKey, table!, item.Name) { ChildNameIsGenerated = item.NameIsGenerated, Columns = item.Columns };
}
