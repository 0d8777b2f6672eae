namespace Migrations.Build.Providers.Sqlite;

/// <summary>Resolves table and view names the way SQLite does (ASCII case-insensitively) to the names as declared, so a reference
/// written <c>REFERENCES USERS(ID)</c> reads the same as <c>REFERENCES users(id)</c>.</summary>
internal sealed class SqliteTableCatalog
{
    private readonly Dictionary<string, string> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, SqliteColumnRow> _columns;

    public SqliteTableCatalog(IEnumerable<string> tables, ILookup<string, SqliteColumnRow> columns)
    {
        foreach (var table in tables)
        {
            _tables.TryAdd(table, table);
        }

        _columns = columns;
    }

    public string DeclaredTableName(string name) => _tables.GetValueOrDefault(name, name);

    public string DeclaredColumnName(string table, string column) =>
        _columns[DeclaredTableName(table)].FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Name ?? column;

    /// <summary>The primary key columns of a table in key order (what a REFERENCES without columns means).</summary>
    public IReadOnlyList<string> PrimaryKeyColumns(string table) =>
        _columns[DeclaredTableName(table)].Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToList();
}
