namespace Migrations.Build.Schema.Comparison;

/// <summary>Views and materialized views: matched by name, compared by the engine's text of the query.</summary>
internal sealed class ViewKind : IObjectKind<View>
{
    public static ViewKind Instance { get; } = new();

    public string Kind => "view";

    public bool PairsByDefinition => false;

    public string? Name(View item) => item.Name.ToString();

    public bool NameIsGenerated(View item) => false;

    public string Identity(View item) => item.Name.ToString();

    public IEnumerable<(string Attribute, string? Value)> Attributes(View item, ComparisonOptions options)
    {
        yield return ("kind", item.Materialized ? "MATERIALIZED VIEW" : "VIEW");
        yield return ("definition", item.Definition);
        yield return ("comment", item.Comment);
    }

    public string Display(View item, ObjectName? table) => item.Name.ToString();
}
