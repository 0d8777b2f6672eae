using System.Data.Common;

namespace Migrations.Build.Providers;

/// <summary>Says what is wrong with a connection string that a client library refused, without repeating any of its
/// text: a client's own message quotes the offending part (<c>Keyword not supported: 'hunter2'</c> for a password
/// whose <c>Password=</c> was forgotten), and what was meant as a key may be a secret. Pairs are named by position,
/// and only keys the client knows are named (or suggested).</summary>
public static class ConnectionStringFault
{
    /// <param name="connectionString">The text the client refused.</param>
    /// <param name="client">The client's name for the message (<c>Npgsql</c>).</param>
    /// <param name="newBuilder">A fresh builder of the client, to try keys and values on.</param>
    /// <param name="knownKeys">The keys the client knows, for a suggestion when a key is misspelt.</param>
    public static string Describe(string connectionString, string client, Func<DbConnectionStringBuilder> newBuilder, IEnumerable<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(newBuilder);
        if (connectionString.Contains("://", StringComparison.Ordinal))
        {
            return "it looks like a URI, which is not supported: write key=value pairs separated by ';'.";
        }

        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            var segments = connectionString.Split(';');
            var withoutEquals = Array.FindIndex(segments, segment => segment.Trim().Length > 0 && !segment.Contains('=', StringComparison.Ordinal));
            return withoutEquals >= 0 && !connectionString.Contains('\'', StringComparison.Ordinal) && !connectionString.Contains('"', StringComparison.Ordinal)
                ? $"part {withoutEquals + 1} (of {segments.Length}, separated by ';') has no '=': every part must be key=value."
                : "it is not a list of key=value pairs separated by ';' (a part without '=', or a quote that is never closed).";
        }

        var known = knownKeys.ToList();
        var position = 0;
        foreach (string key in pairs.Keys)
        {
            position++;
            var builder = newBuilder();
            if (!builder.ContainsKey(key))
            {
                var suggestion = Nearest(key, known);
                return $"the key of pair {position} is not one {client} knows" + (suggestion is null ? "." : $" (did you mean {suggestion}?).");
            }

            try
            {
                builder[key] = pairs[key];
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
            {
                return $"the value of {CanonicalKey(key, known)} (pair {position}) is not valid for {client}.";
            }
        }

        return $"{client} cannot use it.";
    }

    private static string CanonicalKey(string key, List<string> known) =>
        known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;

    /// <summary>The known key closest to <paramref name="key"/> (at most two edits away), ignoring case and spaces.</summary>
    private static string? Nearest(string key, List<string> known)
    {
        var wanted = Normalize(key);
        return known
            .Select(k => (Key: k, Distance: EditDistance(wanted, Normalize(k))))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Key)
            .FirstOrDefault();
    }

    private static string Normalize(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
