namespace Migrations.Build.Schema;

/// <summary>A view or materialized view with the engine's text of its definition.</summary>
public sealed record View(ObjectName Name, string Definition)
{
    public bool Materialized { get; init; }

    public string? Comment { get; init; }
}

/// <summary>A trigger on a table, compared by the engine's text of its definition.</summary>
public sealed record Trigger(ObjectName Name, ObjectName Table, string Definition);

/// <summary>A sequence (PostgreSQL).</summary>
public sealed record Sequence(ObjectName Name)
{
    public string Type { get; init; } = "bigint";

    public long Start { get; init; } = 1;

    public long Increment { get; init; } = 1;

    public long MinValue { get; init; }

    public long MaxValue { get; init; }

    public bool Cycle { get; init; }

    /// <summary><c>table.column</c> that owns the sequence, or null.</summary>
    public string? OwnedBy { get; init; }
}

/// <summary>An enum type with its labels in order (PostgreSQL).</summary>
public sealed record EnumType(ObjectName Name, ValueList<string> Labels);

/// <summary>An object compared by kind, name and normalized definition: schema, domain, composite type, function,
/// procedure, extension, comment.</summary>
public sealed record SchemaObject(string Kind, ObjectName Name, string Definition);
