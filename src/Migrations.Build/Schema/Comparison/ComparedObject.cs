namespace Migrations.Build.Schema.Comparison;

/// <summary>The object a difference is about, as typed fields; messages name it from these when they are made.</summary>
/// <param name="Kind">What kind of object it is.</param>
/// <param name="Owner">The table a column, key, constraint or index belongs to; the object itself otherwise.</param>
/// <param name="Child">The name of the column, key, constraint or index; null for a schema-level object and for a
/// child the engine keeps no name for.</param>
public sealed record ComparedObject(ObjectKind Kind, ObjectName Owner, string? Child = null)
{
    /// <summary>True when the engine, not the author, chose <see cref="Child"/>.</summary>
    public bool ChildNameIsGenerated { get; init; }

    /// <summary>The columns of a primary key, foreign key or unique constraint (what names an unnamed one).</summary>
    public ValueList<string> Columns { get; init; } = ValueList<string>.Empty;

    /// <summary>The table a foreign key references, or the table a trigger is on.</summary>
    public ObjectName? Target { get; init; }

    /// <summary>The referenced columns of a foreign key.</summary>
    public ValueList<string> TargetColumns { get; init; } = ValueList<string>.Empty;

    /// <summary>The condition of a check constraint (what names an unnamed one).</summary>
    public string? Expression { get; init; }

    /// <summary>The engine's word for an <see cref="ObjectKind.Other"/> object: <c>function</c>, <c>domain</c>, ….</summary>
    public string? EngineKind { get; init; }

    /// <summary>True for the objects that live on a table (columns, keys, constraints, indexes).</summary>
    public bool IsTableChild => Kind is ObjectKind.Column or ObjectKind.PrimaryKey or ObjectKind.ForeignKey
        or ObjectKind.UniqueConstraint or ObjectKind.CheckConstraint or ObjectKind.ExclusionConstraint or ObjectKind.Index;

    /// <summary>The table a child belongs to; null for a schema-level object.</summary>
    public ObjectName? Table => IsTableChild ? Owner : null;

    /// <summary>The name the comparer matched the object by: the child's name, or the schema-level object's.</summary>
    public string? Name => IsTableChild ? Child : Kind == ObjectKind.Other ? $"{EngineKind} {Owner}" : Owner.ToString();
}
