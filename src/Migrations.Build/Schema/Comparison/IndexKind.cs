namespace Migrations.Build.Schema.Comparison;

/// <summary>Indexes: matched by name, else by definition (a name-only difference is a rename), else by key list.</summary>
internal sealed class IndexKind : IObjectKind<TableIndex>
{
    public static IndexKind Instance { get; } = new();

    public string Kind => "index";

    public bool PairsByDefinition => true;

    public string? Name(TableIndex item) => item.Name;

    public bool NameIsGenerated(TableIndex item) => item.NameIsGenerated;

    public string Identity(TableIndex item) => string.Join(", ", item.Keys.Select(k => k.Expression));

    public IEnumerable<(string Attribute, string? Value)> Attributes(TableIndex item, ComparisonOptions options)
    {
        yield return ("uniqueness", ObjectKinds.Flag(item.IsUnique, "UNIQUE", "not unique"));
        yield return ("keys", "(" + item.DescribeKeys() + ")");
        yield return ("method", item.Method);
        yield return ("INCLUDE", item.Include.Count == 0 ? null : "(" + ObjectKinds.List(item.Include) + ")");
        yield return ("WHERE", item.Predicate);
        yield return ("NULLS NOT DISTINCT", item.NullsNotDistinct ? "NULLS NOT DISTINCT" : null);
        yield return ("comment", item.Comment);
    }

    public string Display(TableIndex item, ObjectName? table) => $"{item.Name}{ObjectKinds.On(table)}";
}
