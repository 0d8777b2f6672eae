namespace Migrations.Build.Schema.Comparison;

/// <summary>Compares two schemas reflected (and normalized) by the same engine and lists their differences.</summary>
public static class SchemaComparer
{
    public static IReadOnlyList<SchemaDifference> Compare(DatabaseSchema expected, DatabaseSchema actual, ComparisonOptions options)
    {
        var output = new List<SchemaDifference>();
        ChildMatcher.Compare(TableKind.Instance, expected.Tables, actual.Tables, null, options, output, (e, a, o) => CompareTables(e, a, options, o));
        ChildMatcher.Compare(ViewKind.Instance, expected.Views, actual.Views, null, options, output);
        ChildMatcher.Compare(TriggerKind.Instance, expected.Triggers, actual.Triggers, null, options, output);
        ChildMatcher.Compare(SequenceKind.Instance, expected.Sequences, actual.Sequences, null, options, output);
        ChildMatcher.Compare(EnumTypeKind.Instance, expected.EnumTypes, actual.EnumTypes, null, options, output);
        ChildMatcher.Compare(OtherObjectKind.Instance, expected.OtherObjects, actual.OtherObjects, null, options, output);
        return output;
    }

    private static void CompareTables(Table expected, Table actual, ComparisonOptions options, List<SchemaDifference> output)
    {
        var table = actual.Name;
        ChildMatcher.Compare(ColumnKind.Instance, expected.Columns, actual.Columns, table, options, output);
        if (options.Strict)
        {
            CompareColumnOrder(expected, actual, options, output);
        }

        ChildMatcher.Compare(PrimaryKeyKind.Instance, AsList(expected.PrimaryKey), AsList(actual.PrimaryKey), table, options, output);
        ChildMatcher.Compare(ForeignKeyKind.Instance, expected.ForeignKeys, actual.ForeignKeys, table, options, output);
        ChildMatcher.Compare(UniqueConstraintKind.Instance, expected.UniqueConstraints, actual.UniqueConstraints, table, options, output);
        ChildMatcher.Compare(CheckConstraintKind.Instance, expected.CheckConstraints, actual.CheckConstraints, table, options, output);
        ChildMatcher.Compare(ExclusionConstraintKind.Instance, expected.ExclusionConstraints, actual.ExclusionConstraints, table, options, output);
        ChildMatcher.Compare(IndexKind.Instance, expected.Indexes, actual.Indexes, table, options, output);
    }

    /// <summary>One finding per table whose shared columns are in another order: a table rebuilt by a down (SQLite's
    /// copy-and-rename, EF Core's rebuilds) often puts a column elsewhere, and that alone is not a column's change.</summary>
    private static void CompareColumnOrder(Table expected, Table actual, ComparisonOptions options, List<SchemaDifference> output)
    {
        bool Counted(Column column) => !options.IsIgnored($"{actual.Name.Name}.{column.Name}");
        var expectedNames = expected.Columns.Where(Counted).Select(c => c.Name).ToList();
        var actualNames = actual.Columns.Where(Counted).Select(c => c.Name).ToList();
        var shared = expectedNames.Intersect(actualNames, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (!expectedNames.Where(shared.Contains).SequenceEqual(actualNames.Where(shared.Contains), StringComparer.Ordinal))
        {
            output.Add(new ColumnOrderChanged(TableKind.Instance.Describe(actual, null), expectedNames.ToValueList(), actualNames.ToValueList()));
        }
    }

    private static List<PrimaryKey> AsList(PrimaryKey? key) => key is null ? [] : [key];
}
