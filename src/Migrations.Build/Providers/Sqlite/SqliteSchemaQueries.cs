namespace Migrations.Build.Providers.Sqlite;

/// <summary>The catalog queries of <see cref="SqliteSchemaReader"/>: each reads one aspect of every table at once by
/// joining SQLite's table-valued pragmas to <c>sqlite_schema</c>.</summary>
/// <remarks>Driven by sqlite_schema, not pragma_table_list: the latter computes column counts of every object
/// (resolving views) each time it is evaluated, which made a join over it ten times slower.</remarks>
internal static class SqliteSchemaQueries
{
    /// <summary>Ordinary tables of the main schema without SQLite's internal ones (sqlite_sequence, sqlite_stat*).</summary>
    private const string UserTables =
        "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL%'";

    public const string Objects =
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    /// <summary>Kinds (table, virtual, shadow) and options of the tables, read once.</summary>
    public const string TableKinds = "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'";

    public const string Columns =
        "SELECT m.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden " +
        "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name, 'main') c WHERE " + UserTables + " ORDER BY m.name, c.cid";

    public const string IndexKeys =
        "SELECT m.name, i.name, i.\"unique\", i.origin, i.partial, k.seqno, k.cid, k.name, k.\"desc\", k.coll " +
        "FROM sqlite_schema m JOIN pragma_index_list(m.name, 'main') i JOIN pragma_index_xinfo(i.name, 'main') k " +
        "WHERE " + UserTables + " AND k.key = 1 ORDER BY m.name, i.name, k.seqno";

    public const string ForeignKeys =
        "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete " +
        "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name, 'main') f WHERE " + UserTables + " ORDER BY m.name, f.id, f.seq";
}
