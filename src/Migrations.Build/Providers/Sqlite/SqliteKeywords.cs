using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>The keywords of the SQLite library in use, asked from the engine itself (so the list never drifts).</summary>
internal static class SqliteKeywords
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        Batteries_V2.Init();
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = raw.sqlite3_keyword_count();
        for (var i = 0; i < count; i++)
        {
            if (raw.sqlite3_keyword_name(i, out var name) == raw.SQLITE_OK)
            {
                words.Add(name);
            }
        }

        return words;
    }
}
