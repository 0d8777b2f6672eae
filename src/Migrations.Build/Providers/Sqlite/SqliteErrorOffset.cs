using System.Runtime.InteropServices;
using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>The byte offset, in the text last given to sqlite3_prepare, of the token a syntax or name error is at
/// (sqlite3_error_offset, SQLite 3.38 and later). SQLitePCLRaw 2.1 (the version Microsoft.Data.Sqlite brings) does not
/// wrap it, so it is called in the same native library that SQLitePCLRaw loads (e_sqlite3, 3.38 or later there).</summary>
internal static class SqliteErrorOffset
{
    private static bool _missing;

    /// <summary>The offset, or null when SQLite knows none (an error found while running, not preparing) or the
    /// library has no such function.</summary>
    public static int? Of(sqlite3 db)
    {
        if (_missing)
        {
            return null;
        }

        try
        {
            var offset = sqlite3_error_offset(db.DangerousGetHandle());
            return offset >= 0 ? offset : null;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Another SQLite build than the bundled one: the statement's first token, as before 3.38.
            _missing = true;
            return null;
        }
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_error_offset(IntPtr db);
}
