namespace Migrations.Build.Schema.Comparison;

/// <summary>Foreign keys: matched by name, else by definition, else by their columns (then reported as changed).</summary>
internal sealed class ForeignKeyKind : IObjectKind<ForeignKey>
{
    public static ForeignKeyKind Instance { get; } = new();

    public string Kind => "foreign key";

    public bool PairsByDefinition => true;

    public string? Name(ForeignKey item) => item.Name;

    public bool NameIsGenerated(ForeignKey item) => item.NameIsGenerated || item.Name is null;

    public string Identity(ForeignKey item) => ObjectKinds.List(item.Columns);

    public IEnumerable<(string Attribute, string? Value)> Attributes(ForeignKey item, ComparisonOptions options)
    {
        yield return ("columns", "(" + ObjectKinds.List(item.Columns) + ")");
        yield return ("REFERENCES", $"{item.ReferencedTable}({ObjectKinds.List(item.ReferencedColumns)})");
        yield return ("ON DELETE", item.OnDelete);
        yield return ("ON UPDATE", item.OnUpdate);
        yield return ("MATCH", item.Match);
        yield return ("deferrability", item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
        yield return ("validation", ObjectKinds.Flag(item.NotValid, "NOT VALID", "VALID"));
    }

    public string Display(ForeignKey item, ObjectName? table)
    {
        var columns = item.Columns.Count == 1 ? $"{table}.{item.Columns[0]}" : $"{table}({ObjectKinds.List(item.Columns)})";
        var described = $"{columns} -> {item.ReferencedTable}({ObjectKinds.List(item.ReferencedColumns)})";
        return item.Name is null || item.NameIsGenerated ? described : $"{item.Name} ({described})";
    }
}
