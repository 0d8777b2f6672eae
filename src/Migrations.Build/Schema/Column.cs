namespace Migrations.Build.Schema;

/// <summary>A table column as the engine reports it.</summary>
public sealed record Column(string Name, string Type)
{
    public bool NotNull { get; init; }

    /// <summary>The default expression as the engine stores it, or null.</summary>
    public string? Default { get; init; }

    public string? Collation { get; init; }

    /// <summary>The generation expression of a generated (computed) column, or null.</summary>
    public string? GeneratedExpression { get; init; }

    /// <summary><c>STORED</c> or <c>VIRTUAL</c> for a generated column.</summary>
    public string? GeneratedKind { get; init; }

    /// <summary><c>ALWAYS</c> or <c>BY DEFAULT</c> for an identity column (PostgreSQL), or null.</summary>
    public string? Identity { get; init; }

    /// <summary>SQLite's AUTOINCREMENT on an INTEGER PRIMARY KEY.</summary>
    public bool AutoIncrement { get; init; }

    public string? Comment { get; init; }

    /// <summary>SQLite: the table's one-column primary key is an alias of the rowid (declared <c>INTEGER PRIMARY KEY</c>;
    /// <c>INT PRIMARY KEY</c> is a column of its own).</summary>
    public bool RowidAlias { get; init; }
}
