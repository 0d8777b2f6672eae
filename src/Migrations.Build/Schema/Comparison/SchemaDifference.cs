namespace Migrations.Build.Schema.Comparison;

/// <summary>One difference between an expected and an actual schema, as typed fields. The checks word it ("in the
/// model" / "after migrations", "before the up" / "after the down"); the comparer stays neutral.</summary>
/// <param name="Object">The object the difference is about.</param>
public abstract record SchemaDifference(ComparedObject Object);

/// <summary>The object exists in the expected schema only (described from the expected side).</summary>
public sealed record MissingObject(ComparedObject Object) : SchemaDifference(Object);

/// <summary>The object exists in the actual schema only.</summary>
public sealed record UnexpectedObject(ComparedObject Object) : SchemaDifference(Object);

/// <summary>The same definition exists on both sides under different names (a name-only difference); the object is
/// described from the actual side, so its <see cref="ComparedObject.Child"/> is the actual name.</summary>
public sealed record RenamedObject(ComparedObject Object, string? ExpectedName) : SchemaDifference(Object)
{
    public string? ActualName => Object.Child;
}

/// <summary>A table whose columns (the ones both sides have) come in another order; the lists are each side's whole
/// column list. Compared only when every column position counts (<see cref="ComparisonOptions.Strict"/>), and reported
/// once per table rather than once per shifted column.</summary>
public sealed record ColumnOrderChanged(ComparedObject Object, ValueList<string> Expected, ValueList<string> Actual)
    : SchemaDifference(Object);

/// <summary>The object exists on both sides, but one attribute of its definition differs; the object is described
/// from the actual side.</summary>
public sealed record ChangedAttribute(ComparedObject Object, ObjectAttribute Attribute, string? Expected, string? Actual)
    : SchemaDifference(Object)
{
    /// <summary>The child's name on the expected side (null for a schema-level object or an unnamed child), so a
    /// diagnostic can point at it in the expected side's source.</summary>
    public string? ExpectedName { get; init; }
}
