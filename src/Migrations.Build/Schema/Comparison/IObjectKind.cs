namespace Migrations.Build.Schema.Comparison;

/// <summary>What the comparison walk needs to know about one kind of object; one small implementation per kind.</summary>
internal interface IObjectKind<in T>
{
    /// <summary>False for objects only ever matched by name (tables, views): two tables with equal options are not
    /// "the same table renamed".</summary>
    bool PairsByDefinition { get; }

    /// <summary>The object's name, or null when the engine keeps none.</summary>
    string? Name(T item);

    /// <summary>True when the engine chose the name; such objects are matched by definition, not by name.</summary>
    bool NameIsGenerated(T item);

    /// <summary>What makes two differently defined objects "the same object, changed" when their names cannot
    /// pair them (e.g. a foreign key's columns). Unpaired objects are reported missing/unexpected.</summary>
    string Identity(T item);

    /// <summary>The attributes that define the object, except its name, in a fixed order.</summary>
    IEnumerable<(ObjectAttribute Attribute, string? Value)> Attributes(T item, ComparisonOptions options);

    /// <summary>The object as a difference names it: its kind, owner, name and what names it when unnamed.</summary>
    /// <param name="table">The table a child belongs to; null for a schema-level object.</param>
    ComparedObject Describe(T item, ObjectName? table);
}
