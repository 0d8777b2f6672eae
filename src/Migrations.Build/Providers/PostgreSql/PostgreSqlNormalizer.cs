using Migrations.Build.Schema;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>PostgreSQL's comparison rules. Both sides of every comparison are reflected from the same engine, which
/// already normalized type aliases and most expression spelling, so this puts every collection in a stable order
/// (catalog order depends on OIDs, i.e. on creation order, which must not matter) and unifies the few spellings the
/// catalog keeps apart (<see cref="PostgreSqlExpressionSpelling"/>).</summary>
internal static class PostgreSqlNormalizer
{
    public static DatabaseSchema Normalize(DatabaseSchema schema) => schema with
    {
        Tables = schema.Tables.Select(NormalizeTable).OrderBy(t => t.Name).ToValueList(),
        Views = schema.Views.OrderBy(v => v.Name).ToValueList(),
        Triggers = schema.Triggers.OrderBy(t => t.Table).ThenBy(t => t.Name).ToValueList(),
        Sequences = schema.Sequences.OrderBy(s => s.Name).ToValueList(),
        EnumTypes = schema.EnumTypes.OrderBy(e => e.Name).ToValueList(),
        OtherObjects = schema.OtherObjects
            .OrderBy(o => o.Kind, StringComparer.Ordinal)
            .ThenBy(o => o.Name)
            .ThenBy(o => o.Definition, StringComparer.Ordinal)
            .ToValueList(),
    };

    /// <summary>Columns keep their ordinal order; constraints and indexes are sorted by name (then definition).</summary>
    public static Table NormalizeTable(Table table) => table with
    {
        Columns = table.Columns
            .Select(c => c.Default is null ? c : c with { Default = PostgreSqlExpressionSpelling.Canonical(c.Default) })
            .ToValueList(),
        ForeignKeys = table.ForeignKeys
            .OrderBy(f => f.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Describe(table.Name), StringComparer.Ordinal)
            .ToValueList(),
        Indexes = table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
        UniqueConstraints = table.UniqueConstraints
            .OrderBy(u => u.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(u => string.Join(",", u.Columns), StringComparer.Ordinal)
            .ToValueList(),
        CheckConstraints = table.CheckConstraints
            .OrderBy(c => c.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Expression, StringComparer.Ordinal)
            .ToValueList(),
        ExclusionConstraints = table.ExclusionConstraints.OrderBy(x => x.Name, StringComparer.Ordinal).ToValueList(),
        Options = table.Options.Order(StringComparer.Ordinal).ToValueList(),
    };
}
