namespace Migrations.Build.Schema.Comparison;

/// <summary>Columns: matched by name; type, nullability, default, collation, generation, identity compared (their order
/// is compared per table, by <see cref="SchemaComparer"/>).</summary>
internal sealed class ColumnKind : IObjectKind<Column>
{
    public static ColumnKind Instance { get; } = new();

    /// <summary>The value of <see cref="ObjectAttribute.RowidAlias"/> for a column that is the rowid's alias.</summary>
    public const string RowidAliasValue = "an alias of the rowid (INTEGER PRIMARY KEY)";

    public bool PairsByDefinition => false;

    public string? Name(Column item) => item.Name;

    public bool NameIsGenerated(Column item) => false;

    public string Identity(Column item) => item.Name;

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(Column c, ComparisonOptions options)
    {
        yield return (ObjectAttribute.Type, c.Type);
        yield return (ObjectAttribute.Nullability, ObjectKinds.Flag(c.NotNull, "NOT NULL", "NULL"));
        yield return (ObjectAttribute.Default, c.Default);
        yield return (ObjectAttribute.Collation, c.Collation);
        yield return (ObjectAttribute.Generated, c.GeneratedExpression is null ? null : $"({c.GeneratedExpression}) {c.GeneratedKind}".TrimEnd());
        yield return (ObjectAttribute.Identity, c.Identity is null ? null : "GENERATED " + c.Identity + " AS IDENTITY");
        yield return (ObjectAttribute.AutoIncrement, c.AutoIncrement ? "AUTOINCREMENT" : null);
        yield return (ObjectAttribute.RowidAlias, c.RowidAlias ? RowidAliasValue : null);
        yield return (ObjectAttribute.Comment, c.Comment);
    }

    public ComparedObject Describe(Column item, ObjectName? table) =>
        new(ObjectKind.Column, table!, item.Name);
}
