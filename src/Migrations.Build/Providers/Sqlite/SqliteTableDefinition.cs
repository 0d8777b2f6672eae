namespace Migrations.Build.Providers.Sqlite;

/// <summary>What only the stored CREATE TABLE text tells (SQLite's pragmas leave it out): constraint names,
/// CHECK expressions, collations, generated expressions, AUTOINCREMENT, MATCH and DEFERRABLE clauses.</summary>
internal sealed record SqliteTableDefinition(
    IReadOnlyList<SqliteColumnDefinition> Columns,
    string? PrimaryKeyName,
    IReadOnlyList<SqliteForeignKeyDefinition> ForeignKeys,
    IReadOnlyList<SqliteNamedConstraint> Uniques,
    IReadOnlyList<SqliteNamedConstraint> Checks)
{
    public static SqliteTableDefinition Empty { get; } = new([], null, [], [], []);

    public SqliteColumnDefinition? FindColumn(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A column definition as written: only the parts the pragmas do not report.</summary>
internal sealed record SqliteColumnDefinition(string Name, string? Collation, bool AutoIncrement, string? GeneratedExpression);

/// <summary>A FOREIGN KEY clause (column-level or table-level) in declaration order.</summary>
internal sealed record SqliteForeignKeyDefinition(
    string? Name,
    IReadOnlyList<string> Columns,
    string ReferencedTable,
    string Match,
    bool Deferrable,
    bool InitiallyDeferred);

/// <summary>A UNIQUE constraint (its columns in <see cref="Columns"/>) or a CHECK constraint (its canonical
/// expression in <see cref="Definition"/>), with the name given by <c>CONSTRAINT name</c> or null.</summary>
internal sealed record SqliteNamedConstraint(string? Name, IReadOnlyList<string> Columns, string Definition);
