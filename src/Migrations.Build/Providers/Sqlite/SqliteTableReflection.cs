using Migrations.Build.Schema;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Builds one <see cref="Table"/> from its catalog rows and its parsed CREATE TABLE text.</summary>
internal sealed class SqliteTableReflection(
    SqliteObjectRow table, SqliteTableDefinition definition, IReadOnlyList<SqliteColumnRow> columns, SqliteTableCatalog catalog)
{
    private readonly HashSet<string> _columnNames = columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Table Build(IReadOnlyList<SqliteIndexKeyRow> indexKeys, IReadOnlyList<SqliteForeignKeyRow> foreignKeys, IReadOnlyDictionary<string, string> indexSql)
    {
        var indexes = new List<TableIndex>();
        var uniques = new List<UniqueConstraint>();
        var unusedUniques = definition.Uniques.ToList();
        foreach (var index in indexKeys.GroupBy(k => k.Index, StringComparer.Ordinal))
        {
            var keys = index.OrderBy(k => k.Position).ToList();
            switch (keys[0].Origin)
            {
                case "u":
                    var uniqueColumns = keys.Select(k => k.Column ?? string.Empty).ToList();
                    var name = Take(unusedUniques, u => SameColumns(u.Columns, uniqueColumns))?.Name;
                    uniques.Add(new UniqueConstraint(name, uniqueColumns.ToValueList()) { NameIsGenerated = name is null });
                    break;
                case "c":
                    indexes.Add(BuildIndex(index.Key, keys, indexSql.GetValueOrDefault(index.Key)));
                    break;
                default:
                    // "pk": the index behind a PRIMARY KEY is the key itself, not an index.
                    break;
            }
        }

        var options = new List<string>();
        if (table.Strict)
        {
            options.Add("STRICT");
        }

        if (table.WithoutRowid)
        {
            options.Add("WITHOUT ROWID");
        }

        var primaryKey = columns.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToList();
        var rowidCandidate = primaryKey.Count == 1 && !table.WithoutRowid ? primaryKey[0] : null;
        return new Table(new ObjectName(table.Name))
        {
            Columns = columns.Select(c => BuildColumn(c, string.Equals(c.Name, rowidCandidate, StringComparison.Ordinal))).ToValueList(),
            PrimaryKey = primaryKey.Count == 0 ? null
                : new PrimaryKey(definition.PrimaryKeyName, primaryKey.ToValueList()) { NameIsGenerated = definition.PrimaryKeyName is null },
            ForeignKeys = BuildForeignKeys(foreignKeys).OrderBy(f => f.Name is not null).ThenBy(f => f.Name, StringComparer.Ordinal)
                .ThenBy(f => f.Describe(new ObjectName(table.Name)), StringComparer.Ordinal).ToValueList(),
            Indexes = indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
            UniqueConstraints = uniques.OrderBy(u => u.Name is not null).ThenBy(u => u.Name, StringComparer.Ordinal)
                .ThenBy(u => string.Join(",", u.Columns), StringComparer.Ordinal).ToValueList(),
            CheckConstraints = definition.Checks.Select(c => new CheckConstraint(c.Name, c.Definition) { NameIsGenerated = c.Name is null })
                .OrderBy(c => c.Name is not null).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Expression, StringComparer.Ordinal)
                .ToValueList(),
            Options = options.ToValueList(),
        };
    }

    private Column BuildColumn(SqliteColumnRow row, bool rowidCandidate)
    {
        var written = definition.FindColumn(row.Name);
        var collation = written?.Collation?.ToUpperInvariant();
        var type = SqliteCanonicalText.OfType(row.Type);
        return new Column(row.Name, SqliteIntegerType.Unified(type))
        {
            // Decided on the declared type, before INT and INTEGER are unified.
            RowidAlias = rowidCandidate && type == "INTEGER",
            NotNull = row.NotNull,
            Default = row.Default is null ? null : SqliteCanonicalText.OfDefault(row.Default),
            Collation = collation is null or "BINARY" ? null : collation,
            GeneratedExpression = row.Hidden is 2 or 3 ? written?.GeneratedExpression : null,
            GeneratedKind = row.Hidden switch { 2 => "VIRTUAL", 3 => "STORED", _ => null },
            AutoIncrement = written?.AutoIncrement ?? false,
        };
    }

    private TableIndex BuildIndex(string name, List<SqliteIndexKeyRow> keys, string? sql)
    {
        var written = sql is null ? null : SqliteIndexDefinition.Parse(sql, _columnNames);
        var indexKeys = keys.Select((k, position) => k.ColumnId switch
        {
            -2 => new IndexKey(written is not null && position < written.KeyExpressions.Count ? written.KeyExpressions[position] : "?", IsExpression: true),
            -1 => new IndexKey("rowid"),
            _ => new IndexKey(k.Column ?? string.Empty),
        } with
        {
            Descending = k.Descending,
            Collation = k.Collation is null || string.Equals(k.Collation, "BINARY", StringComparison.OrdinalIgnoreCase) ? null : k.Collation.ToUpperInvariant(),
        });
        return new TableIndex(name, indexKeys.ToValueList())
        {
            IsUnique = keys[0].Unique,
            Predicate = keys[0].Partial ? written?.Predicate : null,
        };
    }

    private List<ForeignKey> BuildForeignKeys(IReadOnlyList<SqliteForeignKeyRow> rows)
    {
        var groups = rows.GroupBy(r => r.Id).OrderBy(g => g.Key).ToList();
        var written = definition.ForeignKeys;
        var unused = written.ToList();
        var result = new List<ForeignKey>();
        foreach (var group in groups)
        {
            var pairs = group.ToList();
            var columnNames = pairs.Select(p => p.Column).ToList();
            var parent = catalog.DeclaredTableName(pairs[0].ReferencedTable);

            // SQLite lists foreign keys last-declared first; prefer that position, else match by columns and parent.
            var byPosition = written.Count == groups.Count ? written[groups.Count - 1 - group.Key] : null;
            var text = byPosition is not null && unused.Contains(byPosition) && Matches(byPosition, columnNames, parent)
                ? byPosition
                : unused.FirstOrDefault(f => Matches(f, columnNames, parent));
            if (text is not null)
            {
                unused.Remove(text);
            }

            var referenced = pairs.All(p => p.ReferencedColumn is null)
                ? catalog.PrimaryKeyColumns(parent)
                : pairs.Select(p => catalog.DeclaredColumnName(parent, p.ReferencedColumn ?? string.Empty)).ToList();
            result.Add(new ForeignKey(text?.Name, columnNames.ToValueList(), new ObjectName(parent), referenced.ToValueList())
            {
                NameIsGenerated = text?.Name is null,
                OnDelete = pairs[0].OnDelete,
                OnUpdate = pairs[0].OnUpdate,
                Match = text?.Match ?? "SIMPLE",
                Deferrable = text?.Deferrable ?? false,
                InitiallyDeferred = text?.InitiallyDeferred ?? false,
            });
        }

        return result;
    }

    private bool Matches(SqliteForeignKeyDefinition written, List<string> columns, string parent) =>
        SameColumns(written.Columns, columns) && string.Equals(catalog.DeclaredTableName(written.ReferencedTable), parent, StringComparison.OrdinalIgnoreCase);

    private static bool SameColumns(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.Zip(b).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    private static T? Take<T>(List<T> items, Func<T, bool> predicate)
        where T : class
    {
        var item = items.FirstOrDefault(predicate);
        if (item is not null)
        {
            items.Remove(item);
        }

        return item;
    }
}
