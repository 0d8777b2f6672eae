namespace Migrations.Build.Schema.Comparison;

/// <summary>A column with its 1-based position, which only the strict comparison looks at.</summary>
internal sealed record PositionedColumn(Column Column, int Position);

/// <summary>Columns: matched by name; type, nullability, default, collation, generation, identity compared.</summary>
internal sealed class ColumnKind : IObjectKind<PositionedColumn>
{
    public static ColumnKind Instance { get; } = new();

    /// <summary>The value of <see cref="ObjectAttribute.RowidAlias"/> for a column that is the rowid's alias.</summary>
    public const string RowidAliasValue = "an alias of the rowid (INTEGER PRIMARY KEY)";

    public bool PairsByDefinition => false;

    public string? Name(PositionedColumn item) => item.Column.Name;

    public bool NameIsGenerated(PositionedColumn item) => false;

    public string Identity(PositionedColumn item) => item.Column.Name;

    public IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(PositionedColumn item, ComparisonOptions options)
    {
        var c = item.Column;
        yield return (ObjectAttribute.Type, c.Type);
        yield return (ObjectAttribute.Nullability, ObjectKinds.Flag(c.NotNull, "NOT NULL", "NULL"));
        yield return (ObjectAttribute.Default, c.Default);
        yield return (ObjectAttribute.Collation, c.Collation);
        yield return (ObjectAttribute.Generated, c.GeneratedExpression is null ? null : $"({c.GeneratedExpression}) {c.GeneratedKind}".TrimEnd());
        yield return (ObjectAttribute.Identity, c.Identity is null ? null : "GENERATED " + c.Identity + " AS IDENTITY");
        yield return (ObjectAttribute.AutoIncrement, c.AutoIncrement ? "AUTOINCREMENT" : null);
        yield return (ObjectAttribute.RowidAlias, c.RowidAlias ? RowidAliasValue : null);
        yield return (ObjectAttribute.Comment, c.Comment);
        if (options.Strict)
        {
            yield return (ObjectAttribute.Position, item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public ComparedObject Describe(PositionedColumn item, ObjectName? table) =>
        new(ObjectKind.Column, table!, item.Column.Name);
}
