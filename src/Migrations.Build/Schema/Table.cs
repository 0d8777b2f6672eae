namespace Migrations.Build.Schema;

/// <summary>A table with its columns (in ordinal order) and its constraints and indexes (sorted).</summary>
public sealed record Table(ObjectName Name)
{
    public ValueList<Column> Columns { get; init; } = ValueList<Column>.Empty;

    public PrimaryKey? PrimaryKey { get; init; }

    public ValueList<ForeignKey> ForeignKeys { get; init; } = ValueList<ForeignKey>.Empty;

    public ValueList<TableIndex> Indexes { get; init; } = ValueList<TableIndex>.Empty;

    public ValueList<UniqueConstraint> UniqueConstraints { get; init; } = ValueList<UniqueConstraint>.Empty;

    public ValueList<CheckConstraint> CheckConstraints { get; init; } = ValueList<CheckConstraint>.Empty;

    public ValueList<ExclusionConstraint> ExclusionConstraints { get; init; } = ValueList<ExclusionConstraint>.Empty;

    /// <summary>Engine-specific table options, normalized and sorted: <c>STRICT</c>, <c>WITHOUT ROWID</c>,
    /// <c>UNLOGGED</c>, <c>PARTITION BY …</c>, <c>INHERITS (…)</c>.</summary>
    public ValueList<string> Options { get; init; } = ValueList<string>.Empty;

    public string? Comment { get; init; }
}
