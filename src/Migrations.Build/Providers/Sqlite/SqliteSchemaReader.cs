using Microsoft.Data.Sqlite;
using Migrations.Build.Schema;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Reflects a SQLite database into the provider-neutral <see cref="DatabaseSchema"/> in one pass: four
/// catalog queries over the pragma table-valued functions, plus the stored CREATE texts for what pragmas omit.</summary>
public static class SqliteSchemaReader
{
    public static DatabaseSchema Read(SqliteConnection connection) => Read(connection, null);

    /// <summary>Reflects only the tables in <paramref name="scope"/> (with their indexes and triggers) and the views
    /// named in it; null reads everything. Both sides of a comparison must be read with the same scope.</summary>
    public static DatabaseSchema Read(SqliteConnection connection, IReadOnlySet<string>? scope)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var objects = Query(connection, SqliteSchemaQueries.Objects, r => new SqliteObjectRow(
            r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, r.GetInt64(6) != 0));
        var foreignKeys = Query(connection, SqliteSchemaQueries.ForeignKeys(scope), r => new SqliteForeignKeyRow(
            r.GetString(0), r.GetInt32(1), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7)));

        // Columns of referenced tables too: a REFERENCES without columns means the parent's primary key.
        var columnScope = scope is null ? null : scope.Concat(foreignKeys.Select(f => f.ReferencedTable)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = Query(connection, SqliteSchemaQueries.Columns(columnScope), r => new SqliteColumnRow(
            r.GetString(0), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.GetInt32(7)));
        var indexKeys = Query(connection, SqliteSchemaQueries.IndexKeys(scope), r => new SqliteIndexKeyRow(
            r.GetString(0), r.GetString(1), r.GetInt64(2) != 0, r.GetString(3), r.GetInt64(4) != 0, r.GetInt32(5), r.GetInt32(6),
            r.IsDBNull(7) ? null : r.GetString(7), r.GetInt64(8) != 0, r.IsDBNull(9) ? null : r.GetString(9)));
        var indexSql = objects.Where(o => o.Type == "index" && o.Sql is not null).ToDictionary(o => o.Name, o => o.Sql!, StringComparer.Ordinal);
        var columnsByTable = columns.ToLookup(c => c.Table, StringComparer.Ordinal);
        var keysByTable = indexKeys.ToLookup(k => k.Table, StringComparer.Ordinal);
        var foreignKeysByTable = foreignKeys.ToLookup(f => f.Table, StringComparer.Ordinal);
        var tableRows = objects.Where(o => o.Type == "table" && o.TableType == "table").ToList();
        var catalog = new SqliteTableCatalog(
            tableRows.Select(t => t.Name).Concat(objects.Where(o => o.Type == "view").Select(o => o.Name)), columnsByTable);

        var tables = new List<Table>();
        var others = new List<SchemaObject>();
        bool InScope(string name) => scope is null || scope.Contains(name);
        foreach (var row in objects.Where(o => o.Type == "table" && InScope(o.Name)))
        {
            if (row.TableType == "table")
            {
                var definition = SqliteTableDefinitionParser.Parse(row.Sql ?? string.Empty);
                tables.Add(new SqliteTableReflection(row, definition, columnsByTable[row.Name].ToList(), catalog)
                    .Build(keysByTable[row.Name].ToList(), foreignKeysByTable[row.Name].ToList(), indexSql));
            }
            else if (row.TableType == "virtual")
            {
                // Virtual tables are compared by their text; their shadow tables are the module's business.
                others.Add(new SchemaObject("virtual table", new ObjectName(row.Name), SqliteCanonicalText.Of(row.Sql ?? string.Empty)));
            }
        }

        return new DatabaseSchema
        {
            Tables = tables.OrderBy(t => t.Name).ToValueList(),
            Views = objects.Where(o => o.Type == "view" && InScope(o.Name))
                .Select(o => new View(new ObjectName(o.Name), SqliteObjectText.ViewDefinition(o.Sql ?? string.Empty)))
                .OrderBy(v => v.Name).ToValueList(),
            Triggers = objects.Where(o => o.Type == "trigger" && (InScope(o.Name) || InScope(o.TableName)))
                .Select(o => new Trigger(new ObjectName(o.Name), new ObjectName(catalog.DeclaredTableName(o.TableName)), SqliteObjectText.TriggerDefinition(o.Name, o.Sql ?? string.Empty)))
                .OrderBy(t => t.Name).ToValueList(),
            OtherObjects = others.OrderBy(o => o.Name).ToValueList(),
        };
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
