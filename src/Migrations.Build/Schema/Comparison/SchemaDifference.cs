namespace Migrations.Build.Schema.Comparison;

/// <summary>One difference between an expected and an actual schema. The checks word it ("in the model" /
/// "after migrations", "before the up" / "after the down"); the comparer stays neutral.</summary>
/// <param name="Kind">The kind of object: <c>table</c>, <c>column</c>, <c>foreign key</c>, <c>index</c>, …</param>
/// <param name="Display">How diagnostics name the object, e.g. <c>leads.owner_id -> users(id)</c>.</param>
/// <param name="Table">The table the object belongs to, or the object itself for a table.</param>
public abstract record SchemaDifference(string Kind, string Display, ObjectName? Table);

/// <summary>The object exists in the expected schema only.</summary>
public sealed record MissingObject(string Kind, string Display, ObjectName? Table, string? Name)
    : SchemaDifference(Kind, Display, Table);

/// <summary>The object exists in the actual schema only.</summary>
public sealed record UnexpectedObject(string Kind, string Display, ObjectName? Table, string? Name)
    : SchemaDifference(Kind, Display, Table);

/// <summary>The object exists on both sides, but one attribute of its definition differs.</summary>
public sealed record ChangedAttribute(string Kind, string Display, ObjectName? Table, string Attribute, string? Expected, string? Actual)
    : SchemaDifference(Kind, Display, Table)
{
    /// <summary>The object's name on the expected side (null for an unnamed one), so a diagnostic can point at it.</summary>
    public string? Name { get; init; }
}

/// <summary>The same definition exists on both sides under different names (a name-only difference).</summary>
public sealed record RenamedObject(string Kind, string Display, ObjectName? Table, string? ExpectedName, string? ActualName)
    : SchemaDifference(Kind, Display, Table);
