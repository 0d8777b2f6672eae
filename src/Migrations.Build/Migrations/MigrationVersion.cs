namespace Migrations.Build.Migrations;

/// <summary>A migration version: digits compared numerically (so 2 &lt; 10 and 14-digit timestamps work), optionally in
/// parts separated by dots or underscores as Flyway writes them (<c>1.1</c>, <c>1_1</c>), compared part by part;
/// the text is kept as written.</summary>
/// <remarks>As in Flyway, missing parts count as zero: <c>1</c>, <c>1.0</c> and <c>001_0</c> are the same version.
/// A version of the <c>by-name</c> layout (<see cref="OrderedByName"/>) is the file's name itself, compared as text.</remarks>
public readonly record struct MigrationVersion(string Text) : IComparable<MigrationVersion>
{
    private const string ByNamePrefix = "name:";

    private static readonly char[] Separators = ['.', '_'];

    /// <summary>The version is a file name's stem, ordered ordinally as the runners that apply files by name do
    /// (<c>Script0001 - create.sql</c>, <c>0001_a.up.sql</c>), not a number.</summary>
    public bool OrderedByName { get; init; }

    /// <summary>The parts without leading zeros or trailing zero parts, joined by dots: <c>0001</c> and <c>1.0</c> are <c>1</c>;
    /// a by-name version as written.</summary>
    public string Normalized => OrderedByName ? Text : string.Join('.', Parts());

    /// <summary>A by-name version: <paramref name="stem"/> is the file name without <c>.sql</c> or <c>.up.sql</c>.</summary>
    public static MigrationVersion ByName(string stem) => new(stem) { OrderedByName = true };

    /// <summary>The version as the history lock writes it. A by-name version is <c>name:</c> and its stem
    /// percent-escaped, since a stem may hold spaces (the lock's separator) and is not a number.</summary>
    public string LockText => OrderedByName ? ByNamePrefix + Uri.EscapeDataString(Text) : Text;

    /// <summary>Reads a version the history lock wrote (see <see cref="LockText"/>).</summary>
    public static bool TryParseLockText(string text, out MigrationVersion version)
    {
        if (text.StartsWith(ByNamePrefix, StringComparison.Ordinal) && text.Length > ByNamePrefix.Length)
        {
            version = ByName(Uri.UnescapeDataString(text[ByNamePrefix.Length..]));
            return true;
        }

        return TryParse(text, out version);
    }

    public static bool TryParse(string text, out MigrationVersion version)
    {
        version = new MigrationVersion(text);
        return text.Length > 0 && text.Split(Separators).All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
    }

    public int CompareTo(MigrationVersion other)
    {
        if (OrderedByName || other.OrderedByName)
        {
            return CompareAsFileNames(Text, other.Text);
        }

        var mine = Parts();
        var theirs = other.Parts();
        for (var i = 0; i < Math.Max(mine.Count, theirs.Count); i++)
        {
            var a = i < mine.Count ? mine[i] : "0";
            var b = i < theirs.Count ? theirs[i] : "0";
            var order = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    public bool Equals(MigrationVersion other) => OrderedByName == other.OrderedByName && Normalized == other.Normalized;

    public override int GetHashCode() => Normalized.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    /// <summary>Orders stems as their file names sort: the name ends where <c>.sql</c> or <c>.up.sql</c> begins, so a
    /// stem that is a prefix of another sorts as if followed by a dot (<c>0001 - x.sql</c> before <c>0001.sql</c>).</summary>
    private static int CompareAsFileNames(string a, string b) => string.CompareOrdinal(a + ".", b + ".");

    /// <summary>Each part's digits without leading zeros ("0" for zero), trailing zero parts dropped (at least one part).</summary>
    private List<string> Parts()
    {
        var parts = (Text ?? string.Empty).Split(Separators)
            .Select(part => part.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0")
            .ToList();
        while (parts.Count > 1 && parts[^1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    public static bool operator <(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) >= 0;
}
