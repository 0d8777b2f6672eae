namespace Migrations.Build.Schema.Comparison;

/// <summary>The kinds of object the comparer knows; a difference is always about one of them.</summary>
public enum ObjectKind
{
    Table,
    Column,
    PrimaryKey,
    ForeignKey,
    UniqueConstraint,
    CheckConstraint,
    ExclusionConstraint,
    Index,
    View,
    Trigger,
    Sequence,
    EnumType,

    /// <summary>Objects compared by their engine kind, name and definition only (functions, domains, extensions, …).</summary>
    Other,
}
