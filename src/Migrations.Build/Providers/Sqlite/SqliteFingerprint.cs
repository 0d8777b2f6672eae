namespace Migrations.Build.Providers.Sqlite;

/// <summary>Reads the fingerprint text of <see cref="SqliteScratchDatabase"/>: one row per sqlite_schema entry
/// (type, name, tbl_name, sql; fields split by U+001F, rows by U+001E).</summary>
internal static class SqliteFingerprint
{
    /// <summary>The tables and views (by <c>tbl_name</c>) that own a row present in only one of the fingerprints.</summary>
    public static IReadOnlySet<string> ChangedTables(string fingerprint, string otherFingerprint)
    {
        var rows = Rows(fingerprint);
        var otherRows = Rows(otherFingerprint);
        rows.SymmetricExceptWith(otherRows);
        return rows.Select(row => row.Split('\u001f')[2]).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static HashSet<string> Rows(string fingerprint) =>
        fingerprint.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
