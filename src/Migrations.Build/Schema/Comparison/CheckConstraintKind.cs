namespace Migrations.Build.Schema.Comparison;

/// <summary>CHECK constraints: matched by name, else by expression; unnamed ones can only be missing or unexpected.</summary>
internal sealed class CheckConstraintKind : IObjectKind<CheckConstraint>
{
    public static CheckConstraintKind Instance { get; } = new();

    public bool PairsByDefinition => true;

    public string? Name(CheckConstraint item) => item.Name;

    public bool NameIsGenerated(CheckConstraint item) => item.NameIsGenerated || item.Name is null;

    // An unnamed check's identity is its expression: a changed expression is a different check.
    public string Identity(CheckConstraint item) => item.Name is null || item.NameIsGenerated ? "expr:" + item.Expression : "name:" + item.Name;

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(CheckConstraint item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Check, item.Expression);
        yield return (ObjectAttribute.Validation, ObjectKinds.Flag(item.NotValid, "NOT VALID", "VALID"));
    }

    public ComparedObject Describe(CheckConstraint item, ObjectName? table) =>
        new(ObjectKind.CheckConstraint, table!, item.Name) { ChildNameIsGenerated = item.NameIsGenerated, Expression = item.Expression };
}
