using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Process-wide SQLite settings, applied once before the first connection opens.</summary>
internal static class SqliteLibrarySettings
{
    private const int ConfigMemoryStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static readonly Lazy<bool> Applied = new(() =>
    {
        Batteries_V2.Init();

        // Memory statistics take a global lock around every allocation; nothing here reads them. Refused (harmlessly)
        // when SQLite was already initialized, e.g. by another component of the process.
        return raw.sqlite3_config(ConfigMemoryStatus, 0) == raw.SQLITE_OK;
    });

    public static void Apply() => _ = Applied.Value;
}
