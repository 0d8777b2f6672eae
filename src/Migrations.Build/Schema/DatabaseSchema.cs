namespace Migrations.Build.Schema;

/// <summary>A database schema reflected from a real engine, as a value: two equal schemas compare equal.</summary>
/// <remarks>Every collection is sorted (by name, then definition) so snapshots are stable.</remarks>
public sealed record DatabaseSchema
{
    public static DatabaseSchema Empty { get; } = new();

    public ValueList<Table> Tables { get; init; } = ValueList<Table>.Empty;

    public ValueList<View> Views { get; init; } = ValueList<View>.Empty;

    public ValueList<Trigger> Triggers { get; init; } = ValueList<Trigger>.Empty;

    public ValueList<Sequence> Sequences { get; init; } = ValueList<Sequence>.Empty;

    public ValueList<EnumType> EnumTypes { get; init; } = ValueList<EnumType>.Empty;

    /// <summary>Objects compared by kind, name and normalized definition only: schemas, domains, composite types,
    /// functions, procedures, extensions, comments on objects other than tables and columns.</summary>
    public ValueList<SchemaObject> OtherObjects { get; init; } = ValueList<SchemaObject>.Empty;

    public Table? FindTable(ObjectName name) => Tables.FirstOrDefault(t => t.Name == name);
}
