using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Keeps a scratch connection inside its own database: SQLite's authorizer refuses, while a statement is
/// prepared, what would attach, create or write another database file (<c>ATTACH</c>, <c>VACUUM INTO</c>) or load
/// native code (<c>load_extension</c>), so a hostile migration fails at that statement and touches nothing.</summary>
/// <remarks>An authorizer, not a scan of the text: it sees every statement the engine prepares, also those a
/// trigger or a view would run, whatever the spelling. <c>VACUUM</c> itself attaches a private temporary database
/// (an empty file name), which stays allowed.</remarks>
internal sealed class SqliteConfinement
{
    private const int Attach = 24;
    private const int Function = 31;
    private const int Pragma = 19;

    // Held by the connection's native callback for the connection's life.
    private readonly strdelegate_authorizer _authorizer;
    private string? _refusal;

    private SqliteConfinement() => _authorizer = Authorize;

    /// <summary>Installs the authorizer on a connection; the returned object must live as long as the connection.</summary>
    public static SqliteConfinement Install(sqlite3 db)
    {
        var confinement = new SqliteConfinement();
        var rc = raw.sqlite3_set_authorizer(db, confinement._authorizer, null);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused the authorizer: {raw.sqlite3_errstr(rc).utf8_to_string()}");
        }

        return confinement;
    }

    /// <summary>Why the last refused statement was refused, once (null when nothing was refused since).</summary>
    public string? TakeRefusal()
    {
        var refusal = _refusal;
        _refusal = null;
        return refusal;
    }

    private int Authorize(object userData, int action, string? first, string? second, string? database, string? trigger)
    {
        var refusal = action switch
        {
            Attach when !string.IsNullOrEmpty(first) && first != ":memory:" =>
                $"it attaches the database file '{first}' (ATTACH and VACUUM INTO may not open, create or write another database file)",
            Function when string.Equals(second, "load_extension", StringComparison.OrdinalIgnoreCase) =>
                "it loads a native extension (load_extension)",
            Pragma when first is not null && (first.Equals("temp_store_directory", StringComparison.OrdinalIgnoreCase) || first.Equals("data_store_directory", StringComparison.OrdinalIgnoreCase)) =>
                $"PRAGMA {first} changes where the whole process writes its files",
            _ => null,
        };
        if (refusal is null)
        {
            return raw.SQLITE_OK;
        }

        _refusal = refusal;
        return raw.SQLITE_DENY;
    }
}
