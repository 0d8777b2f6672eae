namespace Migrations.Build.Schema.Comparison;

/// <summary>Foreign keys: matched by name, else by definition, else by their columns (then reported as changed).</summary>
internal sealed class ForeignKeyKind : IObjectKind<ForeignKey>
{
    public static ForeignKeyKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(ForeignKey item) => item.Name;

    public bool NameIsGenerated(ForeignKey item) => item.NameIsGenerated || item.Name is null;

    public string Identity(ForeignKey item) => ObjectKinds.List(item.Columns);

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(ForeignKey item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Columns, "(" + ObjectKinds.List(item.Columns) + ")");
        yield return (ObjectAttribute.References, $"{item.ReferencedTable}({ObjectKinds.List(item.ReferencedColumns)})");
        yield return (ObjectAttribute.OnDelete, item.OnDelete);
        yield return (ObjectAttribute.OnUpdate, item.OnUpdate);
        yield return (ObjectAttribute.Match, item.Match);
        yield return (ObjectAttribute.Deferrability, item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
        yield return (ObjectAttribute.Validation, ObjectKinds.Flag(item.NotValid, "NOT VALID", "VALID"));
    }

    public ComparedObject Describe(ForeignKey item, ObjectName? table) =>
        new(ObjectKind.ForeignKey, table!, item.Name)
        {
            ChildNameIsGenerated = item.NameIsGenerated,
            Columns = item.Columns,
            Target = item.ReferencedTable,
            TargetColumns = item.ReferencedColumns,
        };
}
