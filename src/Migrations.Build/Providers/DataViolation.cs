namespace Migrations.Build.Providers;

/// <summary>A statement failed on the rows in the database rather than on its own text: a constraint the rows break
/// (SQLSTATE class 23 on PostgreSQL, SQLITE_CONSTRAINT on SQLite) or a value they hold that does not fit (class 22).
/// Names are those the engine gave, null where it gave none.</summary>
public sealed record DataViolation(DataRule Rule, string? Table = null, string? Column = null, string? Constraint = null);

/// <summary>What about the rows made a statement fail.</summary>
public enum DataRule
{
    /// <summary>A NOT NULL column without a value in some row.</summary>
    NotNull,

    /// <summary>Rows with the same key under a unique constraint, primary key or unique index.</summary>
    Unique,

    /// <summary>Rows a CHECK constraint rejects.</summary>
    Check,

    /// <summary>Rows that refer to rows that are not there.</summary>
    ForeignKey,

    /// <summary>Rows that conflict under an exclusion constraint.</summary>
    Exclusion,

    /// <summary>A value in the rows that does not fit (a type conversion, a length, a range).</summary>
    Value,
}
