namespace Migrations.Build.Schema.Comparison;

/// <summary>Views and materialized views: matched by name, compared by the engine's text of the query.</summary>
internal sealed class ViewKind : IObjectKind<View>
{
    public static ViewKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(View item) => item.Name.ToString();

    public bool NameIsGenerated(View item) => false;

    public string Identity(View item) => item.Name.ToString();

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(View item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Materialized, item.Materialized ? "MATERIALIZED VIEW" : "VIEW");
        yield return (ObjectAttribute.Definition, item.Definition);
        yield return (ObjectAttribute.Comment, item.Comment);
    }

    public ComparedObject Describe(View item, ObjectName? table) =>
        new(ObjectKind.View, item.Name);
}
