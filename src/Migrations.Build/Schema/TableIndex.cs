namespace Migrations.Build.Schema;

/// <summary>An index created with CREATE INDEX (constraint-backing indexes live on their constraint).</summary>
public sealed record TableIndex(string Name, ValueList<IndexKey> Keys)
{
    public bool IsUnique { get; init; }

    public bool NameIsGenerated { get; init; }

    /// <summary>The WHERE predicate of a partial index, or null.</summary>
    public string? Predicate { get; init; }

    /// <summary>The access method (PostgreSQL: btree, gin, …); null where the engine has only one.</summary>
    public string? Method { get; init; }

    /// <summary>Non-key columns of an INCLUDE clause.</summary>
    public ValueList<string> Include { get; init; } = ValueList<string>.Empty;

    public bool NullsNotDistinct { get; init; }

    public string? Comment { get; init; }

    public string DescribeKeys() => string.Join(", ", Keys.Select(k => k.ToString()));
}

/// <summary>One key of an index: a column or an expression with its ordering options.</summary>
public sealed record IndexKey(string Expression, bool IsExpression = false)
{
    public bool Descending { get; init; }

    public string? Collation { get; init; }

    /// <summary><c>NULLS FIRST</c> / <c>NULLS LAST</c> when it differs from the default for the direction.</summary>
    public string? NullsOrder { get; init; }

    public string? OperatorClass { get; init; }

    public override string ToString()
    {
        var text = Expression;
        if (Collation is not null)
        {
            text += " COLLATE " + Collation;
        }

        if (OperatorClass is not null)
        {
            text += " " + OperatorClass;
        }

        if (Descending)
        {
            text += " DESC";
        }

        if (NullsOrder is not null)
        {
            text += " " + NullsOrder;
        }

        return text;
    }
}
