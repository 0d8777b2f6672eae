namespace Migrations.Build.Schema.Comparison;

/// <summary>One attribute of an object's definition that the comparer compares (a name is never one of them).</summary>
public enum ObjectAttribute
{
    /// <summary>A table's engine options (<c>STRICT</c>, <c>WITHOUT ROWID</c>, <c>PARTITION BY …</c>).</summary>
    Options,
    Comment,
    Type,
    Nullability,
    Default,
    Collation,

    /// <summary>A generated column's expression and kind.</summary>
    Generated,
    Identity,
    AutoIncrement,

    /// <summary>SQLite: whether an integer primary key is the rowid's alias (see <see cref="Column.RowidAlias"/>).</summary>
    RowidAlias,

    /// <summary>The columns of a primary key, foreign key or unique constraint.</summary>
    Columns,
    References,
    OnDelete,
    OnUpdate,
    Match,
    Deferrability,
    Validation,

    /// <summary>A check constraint's condition.</summary>
    Check,

    /// <summary>The engine's text of the whole definition (views, triggers, exclusion constraints, other objects).</summary>
    Definition,
    Uniqueness,
    Keys,
    Method,
    Include,
    Where,
    NullsNotDistinct,

    /// <summary>A view's kind: plain or materialized.</summary>
    Materialized,

    /// <summary>The table a trigger is on.</summary>
    Table,
    Labels,
    Start,
    Increment,
    MinValue,
    MaxValue,
    Cycle,
    OwnedBy,
}
