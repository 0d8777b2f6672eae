namespace Migrations.Build.Schema.Comparison;

/// <summary>A column with its 1-based position, which only the strict comparison looks at.</summary>
internal sealed record PositionedColumn(Column Column, int Position);

/// <summary>Columns: matched by name; type, nullability, default, collation, generation, identity compared.</summary>
internal sealed class ColumnKind : IObjectKind<PositionedColumn>
{
    public static ColumnKind Instance { get; } = new();

    public string Kind => "column";

    public bool PairsByDefinition => false;

    public string? Name(PositionedColumn item) => item.Column.Name;

    public bool NameIsGenerated(PositionedColumn item) => false;

    public string Identity(PositionedColumn item) => item.Column.Name;

    public IEnumerable<(string Attribute, string? Value)> Attributes(PositionedColumn item, ComparisonOptions options)
    {
        var c = item.Column;
        yield return ("type", c.Type);
        yield return ("nullability", ObjectKinds.Flag(c.NotNull, "NOT NULL", "NULL"));
        yield return ("default", c.Default);
        yield return ("collation", c.Collation);
        yield return ("generated as", c.GeneratedExpression is null ? null : $"({c.GeneratedExpression}) {c.GeneratedKind}".TrimEnd());
        yield return ("identity", c.Identity is null ? null : "GENERATED " + c.Identity + " AS IDENTITY");
        yield return ("AUTOINCREMENT", c.AutoIncrement ? "AUTOINCREMENT" : null);
        yield return ("comment", c.Comment);
        if (options.Strict)
        {
            yield return ("position", item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string Display(PositionedColumn item, ObjectName? table) => $"{table}.{item.Column.Name}";
}
