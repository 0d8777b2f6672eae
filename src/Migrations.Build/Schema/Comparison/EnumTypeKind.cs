namespace Migrations.Build.Schema.Comparison;

/// <summary>Enum types: matched by name; labels compared in order.</summary>
internal sealed class EnumTypeKind : IObjectKind<EnumType>
{
    public static EnumTypeKind Instance { get; } = new();

    public bool PairsByDefinition => false;

    public string? Name(EnumType item) => item.Name.ToString();

    public bool NameIsGenerated(EnumType item) => false;

    public string Identity(EnumType item) => item.Name.ToString();

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(EnumType item, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Labels, "(" + string.Join(", ", item.Labels.Select(l => "'" + l + "'")) + ")");
    }

    public ComparedObject Describe(EnumType item, ObjectName? table) =>
        new(ObjectKind.EnumType, item.Name);
}
