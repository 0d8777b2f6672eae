namespace Migrations.Build.Providers.Sqlite;

/// <summary>The catalog queries of <see cref="SqliteSchemaReader"/>: each reads one aspect of every table at once by
/// joining SQLite's table-valued pragmas to <c>pragma_table_list</c>.</summary>
internal static class SqliteSchemaQueries
{
    /// <summary>Ordinary tables of the main schema, without SQLite's internal ones (sqlite_sequence, sqlite_stat*).</summary>
    private const string UserTables =
        "t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    public const string Objects =
        "SELECT m.type, m.name, m.tbl_name, m.sql, coalesce(t.type, ''), coalesce(t.wr, 0), coalesce(t.strict, 0) " +
        "FROM sqlite_schema m LEFT JOIN pragma_table_list t ON t.schema = 'main' AND t.name = m.name " +
        "WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    public const string Columns =
        "SELECT t.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden " +
        "FROM pragma_table_list t JOIN pragma_table_xinfo(t.name, 'main') c " +
        "WHERE " + UserTables + " ORDER BY t.name, c.cid";

    public const string IndexKeys =
        "SELECT t.name, i.name, i.\"unique\", i.origin, i.partial, k.seqno, k.cid, k.name, k.\"desc\", k.coll " +
        "FROM pragma_table_list t JOIN pragma_index_list(t.name, 'main') i JOIN pragma_index_xinfo(i.name, 'main') k " +
        "WHERE " + UserTables + " AND k.key = 1 ORDER BY t.name, i.name, k.seqno";

    public const string ForeignKeys =
        "SELECT t.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete " +
        "FROM pragma_table_list t JOIN pragma_foreign_key_list(t.name, 'main') f " +
        "WHERE " + UserTables + " ORDER BY t.name, f.id, f.seq";
}
