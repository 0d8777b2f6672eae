using Migrations.Build.Schema;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>SQLite's equivalence rules, applied to both sides before comparing. Idempotent: a schema read by
/// <see cref="SqliteSchemaReader"/> is already in this form except for the rules that are about meaning (deferral).</summary>
/// <remarks>Only rules SQLite itself guarantees are applied. Declared names keep their case (SQLite keeps it too).
/// Type names are not aliased, with one exception: <c>INT</c> and <c>INTEGER</c> name the same type everywhere (also in
/// STRICT tables) except as a one-column primary key, where only <c>INTEGER</c> makes the column the rowid's alias; that
/// difference is kept as its own attribute, <see cref="Column.RowidAlias"/> (set by the reader, from the declared type),
/// whose message says why it matters.</remarks>
internal static class SqliteNormalizer
{
    public static DatabaseSchema Normalize(DatabaseSchema schema) => schema with
    {
        Tables = schema.Tables.Select(t => NormalizeTable(t, schema)).ToValueList(),
        Views = schema.Views.Select(v => v with { Definition = SqliteCanonicalText.Of(v.Definition) }).ToValueList(),
        Triggers = schema.Triggers.Select(t => t with { Definition = SqliteCanonicalText.Of(t.Definition) }).ToValueList(),
    };

    private static Table NormalizeTable(Table table, DatabaseSchema schema)
    {
        var columns = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return table with
        {
            Columns = table.Columns.Select(c => c with
            {
                Type = SqliteIntegerType.Unified(SqliteCanonicalText.OfType(c.Type)),
                Default = c.Default is null ? null : SqliteCanonicalText.OfDefault(c.Default),
                Collation = NormalizeCollation(c.Collation),
                GeneratedExpression = c.GeneratedExpression is null ? null : SqliteCanonicalText.Of(c.GeneratedExpression, columns),
                GeneratedKind = c.GeneratedKind?.ToUpperInvariant(),
            }).ToValueList(),
            ForeignKeys = table.ForeignKeys.Select(f => NormalizeForeignKey(f, schema)).ToValueList(),
            Indexes = table.Indexes.Select(i => i with
            {
                Keys = i.Keys.Select(k => k with
                {
                    Expression = k.IsExpression ? SqliteCanonicalText.Of(k.Expression, columns) : k.Expression,
                    Collation = NormalizeCollation(k.Collation),
                }).ToValueList(),
                Predicate = i.Predicate is null ? null : SqliteCanonicalText.Of(i.Predicate, columns),
            }).ToValueList(),
            CheckConstraints = table.CheckConstraints.Select(c => c with { Expression = SqliteCanonicalText.Of(c.Expression, columns) })
                .OrderBy(c => c.Name is not null).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Expression, StringComparer.Ordinal)
                .ToValueList(),
            Options = table.Options.Select(o => SqliteCanonicalText.OfType(o)).Order(StringComparer.Ordinal).ToValueList(),
        };
    }

    /// <summary>Only <c>DEFERRABLE INITIALLY DEFERRED</c> defers a foreign key on SQLite; <c>DEFERRABLE</c>,
    /// <c>DEFERRABLE INITIALLY IMMEDIATE</c> and <c>NOT DEFERRABLE</c> all behave as immediate. References are
    /// resolved to the declared case of the referenced table and columns.</summary>
    private static ForeignKey NormalizeForeignKey(ForeignKey key, DatabaseSchema schema)
    {
        var deferred = key.Deferrable && key.InitiallyDeferred;
        var parent = schema.Tables.FirstOrDefault(t => string.Equals(t.Name.Name, key.ReferencedTable.Name, StringComparison.OrdinalIgnoreCase));
        return key with
        {
            Deferrable = deferred,
            InitiallyDeferred = deferred,
            OnDelete = key.OnDelete.ToUpperInvariant(),
            OnUpdate = key.OnUpdate.ToUpperInvariant(),
            Match = key.Match.ToUpperInvariant(),
            ReferencedTable = parent?.Name ?? key.ReferencedTable,
            ReferencedColumns = key.ReferencedColumns
                .Select(c => parent?.Columns.FirstOrDefault(pc => string.Equals(pc.Name, c, StringComparison.OrdinalIgnoreCase))?.Name ?? c)
                .ToValueList(),
        };
    }

    private static string? NormalizeCollation(string? collation)
    {
        var upper = collation?.ToUpperInvariant();
        return upper is null or "BINARY" ? null : upper;
    }
}
