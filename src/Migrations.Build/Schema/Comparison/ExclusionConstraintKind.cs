namespace Migrations.Build.Schema.Comparison;

/// <summary>Exclusion constraints (PostgreSQL): matched by name, compared by definition.</summary>
internal sealed class ExclusionConstraintKind : IObjectKind<ExclusionConstraint>
{
    public static ExclusionConstraintKind Instance { get; } = new();

    public string Kind => "exclusion constraint";

    public bool PairsByDefinition => true;

    public string? Name(ExclusionConstraint item) => item.Name;

    public bool NameIsGenerated(ExclusionConstraint item) => false;

    public string Identity(ExclusionConstraint item) => item.Name;

    public IEnumerable<(string Attribute, string? Value)> Attributes(ExclusionConstraint item, ComparisonOptions options)
    {
        yield return ("definition", item.Definition);
        yield return ("deferrability", item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
    }

    public string Display(ExclusionConstraint item, ObjectName? table) => $"{item.Name}{ObjectKinds.On(table)}";
}
