using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks;

/// <summary>How diagnostics name the objects and attributes a difference is about, made from its typed fields.</summary>
internal static class DifferenceNames
{
    /// <summary>The word for a kind of object: <c>index</c>, <c>foreign key</c>, ….</summary>
    public static string Word(ObjectKind kind) => kind switch
    {
        ObjectKind.Table => "table",
        ObjectKind.Column => "column",
        ObjectKind.PrimaryKey => "primary key",
        ObjectKind.ForeignKey => "foreign key",
        ObjectKind.UniqueConstraint => "unique constraint",
        ObjectKind.CheckConstraint => "check constraint",
        ObjectKind.ExclusionConstraint => "exclusion constraint",
        ObjectKind.Index => "index",
        ObjectKind.View => "view",
        ObjectKind.Trigger => "trigger",
        ObjectKind.Sequence => "sequence",
        ObjectKind.EnumType => "enum type",
        ObjectKind.Other => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The word for an attribute: the SQL keyword that sets it where there is one, else its name in lower
    /// case (<c>type</c>, <c>default</c>, <c>deferrability</c>).</summary>
    public static string Word(ObjectAttribute attribute) => attribute switch
    {
        ObjectAttribute.Generated => "generated as",
        ObjectAttribute.AutoIncrement => "AUTOINCREMENT",
        ObjectAttribute.RowidAlias => "rowid alias",
        ObjectAttribute.References => "REFERENCES",
        ObjectAttribute.OnDelete => "ON DELETE",
        ObjectAttribute.OnUpdate => "ON UPDATE",
        ObjectAttribute.Match => "MATCH",
        ObjectAttribute.Check => "CHECK",
        ObjectAttribute.Include => "INCLUDE",
        ObjectAttribute.Where => "WHERE",
        ObjectAttribute.NullsNotDistinct => "NULLS NOT DISTINCT",
        ObjectAttribute.Materialized => "kind",
        ObjectAttribute.Start => "START",
        ObjectAttribute.Increment => "INCREMENT",
        ObjectAttribute.MinValue => "MINVALUE",
        ObjectAttribute.MaxValue => "MAXVALUE",
        ObjectAttribute.Cycle => "CYCLE",
        ObjectAttribute.OwnedBy => "OWNED BY",
        _ => attribute.ToString().ToLowerInvariant(),
    };

    /// <summary>The word for the object's kind, the engine's own for other objects (<c>function</c>, <c>domain</c>).</summary>
    public static string Kind(ComparedObject o) => o.Kind == ObjectKind.Other && o.EngineKind is { } engineKind ? engineKind : Word(o.Kind);

    /// <summary>The object by its kind and name: <c>function refresh_comment()</c>, <c>index ix_x on leads</c>.</summary>
    public static string KindAndName(ComparedObject o) => $"{Kind(o)} {Of(o)}";

    /// <summary>A name as a message says it: <c>named pk_x</c>, or <c>unnamed</c> for a child the engine keeps no name for.</summary>
    public static string NamedAs(string? name) => name is null ? "unnamed" : "named " + name;

    /// <summary>How a message names the object, e.g. <c>leads.owner_id -> users(id)</c> or <c>ix_x on leads</c>.</summary>
    public static string Of(ComparedObject o)
    {
        var named = o.Child is not null && !o.ChildNameIsGenerated;
        return o.Kind switch
        {
            ObjectKind.Column => $"{o.Owner}.{o.Child}",
            ObjectKind.PrimaryKey => $"{o.Owner}({List(o.Columns)})",
            ObjectKind.ForeignKey => named ? $"{o.Child} ({ForeignKey(o)})" : ForeignKey(o),
            ObjectKind.UniqueConstraint => (named ? o.Child + " " : string.Empty) + $"{o.Owner}({List(o.Columns)})",
            ObjectKind.CheckConstraint => named ? $"{o.Child} on {o.Owner}" : $"({o.Expression}) on {o.Owner}",
            ObjectKind.ExclusionConstraint or ObjectKind.Index => $"{o.Child} on {o.Owner}",
            ObjectKind.Trigger => $"{o.Owner} on {o.Target}",
            _ => o.Owner.ToString(),
        };
    }

    private static string ForeignKey(ComparedObject o)
    {
        var columns = o.Columns.Count == 1 ? $"{o.Owner}.{o.Columns[0]}" : $"{o.Owner}({List(o.Columns)})";
        return $"{columns} -> {o.Target}({List(o.TargetColumns)})";
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names);
}
