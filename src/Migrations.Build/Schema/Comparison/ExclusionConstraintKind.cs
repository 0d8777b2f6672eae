namespace Migrations.Build.Schema.Comparison;

/// <summary>Exclusion constraints (PostgreSQL): matched by name, compared by definition.</summary>
internal sealed class ExclusionConstraintKind : IObjectKind<ExclusionConstraint>
{
    public static ExclusionConstraintKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(ExclusionConstraint item) => item.Name;

    public bool NameIsGenerated(ExclusionConstraint item) => false;

    public string Identity(ExclusionConstraint item) => item.Name;

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(ExclusionConstraint item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Definition, item.Definition);
        yield return (ObjectAttribute.Deferrability, item.Deferrable
            ? "DEFERRABLE INITIALLY " + (item.InitiallyDeferred ? "DEFERRED" : "IMMEDIATE")
            : "NOT DEFERRABLE");
    }

    public ComparedObject Describe(ExclusionConstraint item, ObjectName? table) =>
        new(ObjectKind.ExclusionConstraint, table!, item.Name);
}
