namespace Migrations.Build.Providers.Sqlite;

/// <summary>A row of sqlite_schema joined to pragma_table_list (<see cref="TableType"/> is empty for non-tables).</summary>
internal sealed record SqliteObjectRow(string Type, string Name, string TableName, string? Sql, string TableType, bool WithoutRowid, bool Strict);

/// <summary>A row of pragma_table_xinfo.</summary>
internal sealed record SqliteColumnRow(string Table, string Name, string Type, bool NotNull, string? Default, int PrimaryKeyPosition, int Hidden);

/// <summary>A key row of pragma_index_list joined to pragma_index_xinfo.</summary>
internal sealed record SqliteIndexKeyRow(
    string Table, string Index, bool Unique, string Origin, bool Partial, int Position, int ColumnId, string? Column, bool Descending, string? Collation);

/// <summary>A row of pragma_foreign_key_list: one column pair of foreign key <see cref="Id"/>.</summary>
internal sealed record SqliteForeignKeyRow(string Table, int Id, string ReferencedTable, string Column, string? ReferencedColumn, string OnUpdate, string OnDelete);
