namespace Migrations.Build.Schema;

/// <summary>The name of a schema-level object, optionally qualified by its (PostgreSQL) schema.</summary>
public sealed record ObjectName(string? Schema, string Name) : IComparable<ObjectName>
{
    public ObjectName(string name)
        : this(null, name)
    {
    }

    public int CompareTo(ObjectName? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySchema = string.CompareOrdinal(Schema ?? string.Empty, other.Schema ?? string.Empty);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>Prints <c>schema.name</c>, leaving out the default schemas (SQLite's main, PostgreSQL's public).</summary>
    public override string ToString() =>
        Schema is null or "main" or "public" ? Name : $"{Schema}.{Name}";
}
