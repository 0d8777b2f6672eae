namespace Migrations.Build.Schema.Comparison;

/// <summary>Enum types: matched by name; labels compared in order.</summary>
internal sealed class EnumTypeKind : IObjectKind<EnumType>
{
    public static EnumTypeKind Instance { get; } = new();

    public string Kind => "enum type";

    public bool PairsByDefinition => false;

    public string? Name(EnumType item) => item.Name.ToString();

    public bool NameIsGenerated(EnumType item) => false;

    public string Identity(EnumType item) => item.Name.ToString();

    public IEnumerable<(string Attribute, string? Value)> Attributes(EnumType item, ComparisonOptions options)
    {
        yield return ("labels", "(" + string.Join(", ", item.Labels.Select(l => "'" + l + "'")) + ")");
    }

    public string Display(EnumType item, ObjectName? table) => item.Name.ToString();
}
