namespace Migrations.Build.Schema;

/// <summary>A primary key. <paramref name="Name"/> is null when the engine gives it no name.</summary>
public sealed record PrimaryKey(string? Name, ValueList<string> Columns)
{
    /// <summary>True when the engine, not the author, chose the name (matched by definition, not by name).</summary>
    public bool NameIsGenerated { get; init; }
}

/// <summary>A foreign key with its name (null when unnamed), columns on both sides and actions.</summary>
public sealed record ForeignKey(string? Name, ValueList<string> Columns, ObjectName ReferencedTable, ValueList<string> ReferencedColumns)
{
    public bool NameIsGenerated { get; init; }

    public string OnDelete { get; init; } = "NO ACTION";

    public string OnUpdate { get; init; } = "NO ACTION";

    /// <summary><c>SIMPLE</c>, <c>FULL</c> or <c>PARTIAL</c>.</summary>
    public string Match { get; init; } = "SIMPLE";

    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }

    /// <summary>PostgreSQL's NOT VALID.</summary>
    public bool NotValid { get; init; }

    /// <summary>Reads like <c>leads(owner_id) -> users(id)</c>, the way diagnostics name it.</summary>
    public string Describe(ObjectName table) =>
        $"{table}({string.Join(", ", Columns)}) -> {ReferencedTable}({string.Join(", ", ReferencedColumns)})";
}

/// <summary>A UNIQUE constraint (as opposed to a unique index created with CREATE UNIQUE INDEX).</summary>
public sealed record UniqueConstraint(string? Name, ValueList<string> Columns)
{
    public bool NameIsGenerated { get; init; }

    public bool NullsNotDistinct { get; init; }

    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }
}

/// <summary>A CHECK constraint; <see cref="Expression"/> is the engine's normalized text of the condition.</summary>
public sealed record CheckConstraint(string? Name, string Expression)
{
    public bool NameIsGenerated { get; init; }

    public bool NotValid { get; init; }
}

/// <summary>A PostgreSQL exclusion constraint, compared by its definition as <c>pg_get_constraintdef</c> prints it.</summary>
public sealed record ExclusionConstraint(string Name, string Definition)
{
    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }
}
