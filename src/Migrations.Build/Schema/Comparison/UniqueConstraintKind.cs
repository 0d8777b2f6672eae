namespace Migrations.Build.Schema.Comparison;

/// <summary>UNIQUE constraints: matched by name, else by columns.</summary>
internal sealed class UniqueConstraintKind : IObjectKind<UniqueConstraint>
{
    public static UniqueConstraintKind Instance { get; } = new();

    public string Kind => "unique constraint";

    public bool PairsByDefinition => true;

    public string? Name(UniqueConstraint item) => item.Name;

    public bool NameIsGenerated(UniqueConstraint item) => item.NameIsGenerated || item.Name is null;

    public string Identity(UniqueConstraint item) => ObjectKinds.List(item.Columns);

    public IEnumerable<(string Attribute, string? Value)> Attributes(UniqueConstraint item, ComparisonOptions options)
    {
        yield return ("columns", "(" + ObjectKinds.List(item.Columns) + ")");
        yield return ("NULLS NOT DISTINCT", item.NullsNotDistinct ? "NULLS NOT DISTINCT" : null);
        yield return ("deferrability", item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
    }

    public string Display(UniqueConstraint item, ObjectName? table) =>
        (item.Name is null || item.NameIsGenerated ? string.Empty : item.Name + " ") + $"{table}({ObjectKinds.List(item.Columns)})";
}
