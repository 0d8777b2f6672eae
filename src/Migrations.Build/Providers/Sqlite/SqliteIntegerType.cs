namespace Migrations.Build.Providers.Sqlite;

/// <summary>
/// <c>INT</c> and <c>INTEGER</c> are one type to SQLite (the same affinity, the same rules in STRICT tables). The one
/// place where the spelling matters, a one-column primary key that only <c>INTEGER</c> makes the rowid's alias, is
/// recorded apart by the reader (<see cref="Schema.Column.RowidAlias"/>), so both spellings can be compared as one.
/// </summary>
internal static class SqliteIntegerType
{
    /// <summary>The type name with <c>INT</c> spelled <c>INTEGER</c>; <paramref name="canonicalType"/> is already in
    /// canonical upper case.</summary>
    public static string Unified(string canonicalType) => canonicalType == "INT" ? "INTEGER" : canonicalType;
}
