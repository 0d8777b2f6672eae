namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>The fingerprint's SQL, embedded as <c>Fingerprint/*.sql</c>: each file as it is, runnable in psql on its
/// own (no splicing, no placeholders).</summary>
internal static class FingerprintScripts
{
    /// <summary>The statement of the whole fingerprint (a query).</summary>
    public const string Whole = "Whole.sql";

    /// <summary>The session's state tables and the small functions the incremental reads share.</summary>
    public const string State = "State.sql";

    /// <summary>The function both incremental reads end with: from the changed owners to the lines read again and the
    /// kept state brought up to date.</summary>
    public const string Reread = "Reread.sql";

    /// <summary>The event triggers that record which objects DDL commands touched (a superuser installs them).</summary>
    public const string Tracking = "Tracking.sql";

    /// <summary>The function of the tracked read.</summary>
    public const string Tracked = "Tracked.sql";

    /// <summary>The function of the scanned read.</summary>
    public const string Scanned = "Scanned.sql";

    /// <summary>Every file, in the order they install in a session.</summary>
    public static readonly IReadOnlyList<string> All = [Whole, State, Reread, Tracking, Tracked, Scanned];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <summary>The text of one of the files above.</summary>
    public static string Text(string name) => Loaded.GetOrAdd(name, Load);

    /// <summary>The line count a fingerprint starts with (every method prints it first): how big the schema is.</summary>
    public static long LineCount(string fingerprint) =>
        long.Parse(fingerprint.AsSpan(0, fingerprint.IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    private static string Load(string name)
    {
        var assembly = typeof(FingerprintScripts).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(".PostgreSql.Fingerprint." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
